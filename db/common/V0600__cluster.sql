-- High availability (issue 20): several consoles on one PostgreSQL. The embedded H2 default has these
-- tables too but never uses them: it is one node.

-- Who is alive is decided by PostgreSQL: each console holds advisory locks on a session of its own (a member
-- lock, the leader lock, one lock per probe partition), and a session that dies (kill -9, a lost host once TCP
-- keepalives give up) releases them at once. This table only adds what operators need to see: addresses, start.
create table cluster_member (
    node_id      varchar(100) primary key,
    address      varchar(200) not null,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);

-- Fencing tokens of what the advisory locks guard: 'leader' (the jobs that run once) and 'probe-partition-N'
-- (which node probes the targets whose key hashes to N). fence grows by one at every change of owner; stored
-- results carry it, so a node that lost a partition cannot add results to it.
create table cluster_lease (
    name        varchar(100) primary key,
    owner       varchar(100),
    fence       bigint not null default 0,
    -- the previous owner's fence and when it changed; graceful: released by that owner (who had started every
    -- run due up to changed_at), not taken after it died
    prev_fence  bigint not null default 0,
    changed_at  timestamp with time zone,
    graceful    boolean not null default false
);

-- The node that is sending an action's change to the cloud, so no other node re-sends it while it is alive.
alter table remediation_action add column runner_node varchar(100);
