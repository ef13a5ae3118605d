package io.cairn.evidence;

/** Something wrong with one item of a bundle file, found while reading it; the verifier reports it. */
final class BundleDefect extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String item;

    BundleDefect(String item, String problem) {
        super(problem, null, false, false);
        this.item = item;
    }

    /** The item of the file, e.g. {@code line 7} or {@code checkpoint 1200}. */
    String item() {
        return item;
    }
}
