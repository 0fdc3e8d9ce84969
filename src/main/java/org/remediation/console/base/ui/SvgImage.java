package org.remediation.console.base.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;

/** Shows server-generated SVG markup (from {@link Sparkline} or {@link SvgChart}); replaceable in place. */
public class SvgImage extends Div {

    private String markup = "";

    public SvgImage(String svg) {
        addClassName("svg-image");
        setSvg(svg);
    }

    public final void setSvg(String svg) {
        if (svg.equals(markup)) {
            return;
        }
        markup = svg;
        removeAll();
        add(new Html(svg));
    }

    public String getSvg() {
        return markup;
    }
}
