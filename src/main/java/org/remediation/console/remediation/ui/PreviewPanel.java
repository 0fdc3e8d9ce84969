package org.remediation.console.remediation.ui;

import org.remediation.console.base.ui.CommandBlock;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.remediation.DiffRow;
import org.remediation.console.remediation.Preview;

/** A preview: diff before → after, side effects, the gcloud equivalent (copyable), rollback and fingerprint. */
class PreviewPanel extends Div {

    /** A preview not yet acted on: its "before" column is the live state now. */
    PreviewPanel(Preview preview) {
        this(preview, false);
    }

    /** {@code done}: the change was made; the diff shows what it was before and after, not "now". */
    PreviewPanel(Preview preview, boolean done) {
        addClassName("action-preview");
        Grid<DiffRow> diff = new Grid<>();
        diff.setId("preview-diff");
        diff.addThemeVariants(GridVariant.LUMO_COMPACT);
        diff.setAllRowsVisible(true);
        diff.addColumn(DiffRow::attribute).setHeader("Attribute").setAutoWidth(true);
        diff.addColumn(DiffRow::before).setHeader(done ? "Before" : "Now (read " + org.remediation.console.base.HumanTime.clock(
                preview.readAt()) + " UTC)").setAutoWidth(true);
        diff.addColumn(DiffRow::after).setHeader("After").setAutoWidth(true);
        diff.setPartNameGenerator(r -> r.changed() ? "changed" : null);
        diff.setItems(preview.diff());
        add(new H4("Change to " + preview.resource()), diff);

        add(new H4("Side effects"));
        if (preview.sideEffects().isEmpty()) {
            add(new Paragraph("None: no restart, no downtime, reversible in place."));
        } else {
            HorizontalLayout badges = new HorizontalLayout();
            preview.sideEffects().forEach(e -> badges.add(new StatusBadge(e.label(), StatusBadge.Tone.WARN)));
            UnorderedList notes = new UnorderedList();
            preview.sideEffectNotes().forEach(n -> notes.add(new ListItem(n)));
            add(badges, notes);
        }

        add(new H4("Equivalent gcloud command"));
        Pre gcloud = new CommandBlock(preview.gcloud());
        gcloud.setId("preview-gcloud");
        gcloud.addClassName("mono");
        Button copy = new Button("Copy", e -> {
            gcloud.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", preview.gcloud());
            Notices.success("Command copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(gcloud, copy);

        add(new H4("Rollback"));
        Paragraph rollback = new Paragraph((preview.rollback().possibleInPlace() ? "One click: " : "Not possible in place: ")
                + preview.rollback().explanation());
        rollback.setId("preview-rollback");
        add(rollback);
        Paragraph fp = new Paragraph("Live state read at " + preview.readAt() + ", fingerprint "
                + preview.fingerprint().substring(0, 16) + "… (an approval is bound to it).");
        fp.addClassName("muted");
        add(fp);
    }
}
