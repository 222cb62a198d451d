package io.tlsmachine.model.export;

import java.util.List;

/**
 * Renders a text figure as a standalone SVG: one monospace line per text line, on a white background. Needs no
 * Graphviz, so the output is the same everywhere and is drift-checked like the text.
 */
public final class SequenceSvg {

    private static final int FONT_SIZE = 14;
    private static final double CHAR_WIDTH = 8.4;
    private static final int LINE_HEIGHT = 18;
    private static final int PADDING = 12;

    private SequenceSvg() {
    }

    /** Returns the SVG of {@code text}; its lines keep their spaces, so columns stay aligned. */
    public static String render(String text) {
        List<String> lines = text.lines().toList();
        int columns = lines.stream().mapToInt(String::length).max().orElse(0);
        long width = Math.round(columns * CHAR_WIDTH) + 2L * PADDING;
        long height = (long) lines.size() * LINE_HEIGHT + 2L * PADDING;
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        out.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append("  <g font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"").append(FONT_SIZE)
                .append("\" fill=\"#000000\" xml:space=\"preserve\">\n");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            out.append("    <text x=\"").append(PADDING).append("\" y=\"").append(PADDING + (i + 1) * LINE_HEIGHT - 4)
                    .append("\" textLength=\"").append(Math.round(lines.get(i).length() * CHAR_WIDTH))
                    .append("\" lengthAdjust=\"spacingAndGlyphs\">").append(escape(lines.get(i))).append("</text>\n");
        }
        out.append("  </g>\n</svg>\n");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
