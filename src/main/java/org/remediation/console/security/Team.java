package org.remediation.console.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "team")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String name = "";

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "lead_id")
    private @Nullable UserAccount lead;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<UserAccount> members = new HashSet<>();

    @Version
    private long version;

    protected Team() {
    }

    Team(String name) {
        this.name = name;
    }

    String getName() { return name; }
    @Nullable UserAccount getLead() { return lead; }
    Set<UserAccount> getMembers() { return members; }

    void setMembersAndLead(Set<UserAccount> newMembers, @Nullable UserAccount newLead) {
        members.clear();
        members.addAll(newMembers);
        lead = newLead;
    }

    TeamSummary summary() {
        Set<String> names = new TreeSet<>();
        members.forEach(m -> names.add(m.getUsername()));
        return new TeamSummary(name, lead == null ? null : lead.getUsername(), names);
    }
}
