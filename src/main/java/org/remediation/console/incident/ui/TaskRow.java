package org.remediation.console.incident.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.CommandBlock;
import org.remediation.console.base.ui.Focus;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.ConcurrentChangeException;
import org.remediation.console.incident.TaskState;
import org.springframework.security.access.AccessDeniedException;

/** One checklist line: tick box with who/when, the command to copy, the ready-made action, a note. */
class TaskRow extends Div {

    TaskRow(TaskState task, boolean editable, ChecklistService checklist, Runnable reload) {
        addClassName("task-row");
        // a live update replaces the whole row: the checkbox or note that had the focus gets it back
        addAttachListener(e -> Focus.keep(this));
        setId("task-" + task.ref());
        Checkbox done = new Checkbox(task.ref() + "  " + task.text(), task.done());
        done.setId("tick-" + task.ref());
        done.setReadOnly(!editable);
        done.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(() -> checklist.setDone(task.id(), task.version(), e.getValue()), reload);
            }
        });
        Span owner = new Span(task.owner());
        owner.addClassName("task-owner");
        Div head = new Div(done, owner);
        head.addClassName("task-head");
        add(head);
        if (task.done() && task.doneBy() != null && task.doneAt() != null) {
            Span who = new Span("✔ " + task.doneBy() + " at " + HumanTime.time(task.doneAt()));
            who.addClassName("task-who");
            who.setId("task-who-" + task.ref());
            add(who);
            if (task.doneByAction() != null) {
                Anchor by = new Anchor("actions/" + task.doneByAction(), "by action #" + task.doneByAction()
                        + " (succeeded and verified)");
                by.setId("task-action-" + task.ref());
                who.add(new Span(" "), by);
            }
        }
        if (task.command() != null) {
            Pre command = new CommandBlock(task.command());
            command.addClassName("mono");
            command.addClassName("task-command");
            Div box = new Div(command, Clipboard.button("Copy", task::command));
            box.addClassName("task-command-box");
            add(box);
        }
        if (task.actionSpec() != null) {
            Anchor request = new Anchor("actions/new?task=" + task.id(), "Request this action");
            request.setId("request-action-" + task.ref());
            Span spec = new Span(task.actionSpec());
            spec.addClassName("mono");
            Div action = new Div(request, spec);
            action.addClassName("task-action");
            add(action);
        }
        TextField note = new TextField();
        note.setPlaceholder("Note");
        note.setValue(task.note() == null ? "" : task.note());
        note.setReadOnly(!editable);
        note.setWidthFull();
        note.setId("note-" + task.ref());
        note.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(() -> checklist.setNote(task.id(), task.version(), e.getValue()), reload);
            }
        });
        add(note);
    }

    /** Applies one change; a lost race or a refusal is explained and the row shows the winner's state. */
    static void apply(Runnable change, Runnable reload) {
        try {
            change.run();
        } catch (ConcurrentChangeException | InvalidInputException | AccessDeniedException e) {
            Notices.error(e.getMessage());
            reload.run();
        }
    }
}
