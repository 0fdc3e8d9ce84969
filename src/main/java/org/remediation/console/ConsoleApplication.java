package org.remediation.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Inline;
import org.remediation.console.base.ui.ThemeSwitch;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Remediation Console: one live board for an outage. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/console.css")
public class ConsoleApplication implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setViewport("width=device-width, initial-scale=1");
        settings.addInlineWithContents(Inline.Position.PREPEND, ThemeSwitch.RESTORE, Inline.Wrapping.JAVASCRIPT);
    }

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
