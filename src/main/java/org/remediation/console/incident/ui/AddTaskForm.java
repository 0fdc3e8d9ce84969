package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.ChecklistService;

/** Adds a task to the phase during the incident. */
class AddTaskForm extends Details {

    AddTaskForm(long phaseId, String defaultOwner, ChecklistService checklist) {
        super("Add a task");
        setId("add-task");
        TextField text = new TextField("Task");
        text.setId("new-task-text");
        text.setWidthFull();
        TextField owner = new TextField("Owner (team or person)");
        owner.setValue(defaultOwner);
        owner.setId("new-task-owner");
        TextArea command = new TextArea("Command (optional)");
        command.addClassName("mono");
        command.setWidthFull();
        TextField spec = new TextField("Action spec (optional, e.g. scale-connector resource=… minInstances=3)");
        spec.setWidthFull();
        Button add = new Button("Add task", e -> {
            try {
                checklist.addTask(phaseId, text.getValue(), owner.getValue(), command.getValue(), spec.getValue());
                text.clear();
                command.clear();
                spec.clear();
                Notices.success("Task added");
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, Map.of("text", text, "owner", owner, "command", command, "actionSpec", spec));
            }
        });
        add.setId("new-task-save");
        add(new Div(text, owner, command, spec, add));
    }
}
