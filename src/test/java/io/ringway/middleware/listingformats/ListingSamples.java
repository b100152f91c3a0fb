package io.ringway.middleware.listingformats;

/**
 * Canned JSON listings and what Swift 2.30.1 makes of them: the expected strings were produced
 * by Swift's own {@code json.dumps}, {@code listing_to_text}, {@code account_to_xml} and
 * {@code container_to_xml} (Debian's python3-swift), for account {@code AUTH_tést&} and
 * container {@code cé<>"}. They cover subdirs, non-ASCII (including a character outside the
 * BMP), XML-special characters, an empty content type, and extra fields of other types.
 */
final class ListingSamples {

    static final String ACCOUNT = "AUTH_t\u00e9st&";
    static final String ACCOUNT_PATH = "/v1/AUTH_t%C3%A9st%26";
    static final String CONTAINER_PATH = ACCOUNT_PATH + "/c%C3%A9%3C%3E%22";

    static final String ACCOUNT_JSON = "[{\"name\": \"a&b<c>\", \"count\": 2, \"bytes\": 10, \"last_modified\": \"2023-11-14T22:13:22.123450\"}, {\"subdir\": \"d\\u00e9j\\u00e0/\"}, {\"name\": \"\\u65e5\\u672c\\\"q'\\ud83d\\ude00\", \"count\": 0, \"bytes\": 0, \"last_modified\": \"2023-11-14T22:13:23.000000\"}]";
    static final String ACCOUNT_TEXT = "a&b<c>\nd\u00e9j\u00e0/\n\u65e5\u672c\"q'\ud83d\ude00\n";
    static final String ACCOUNT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_t\u00e9st&amp;\">\n<container><name>a&amp;b&lt;c&gt;</name><count>2</count><bytes>10</bytes><last_modified>2023-11-14T22:13:22.123450</last_modified></container>\n<subdir name=\"d\u00e9j\u00e0/\" />\n<container><name>\u65e5\u672c\"q'\ud83d\ude00</name><count>0</count><bytes>0</bytes><last_modified>2023-11-14T22:13:23.000000</last_modified></container>\n</account>";
    static final String CONTAINER_JSON = "[{\"hash\": \"d41d8cd98f00b204e9800998ecf8427e\", \"last_modified\": \"2023-11-14T22:13:22.123450\", \"bytes\": 0, \"name\": \"x&y<z>\\u00e9\", \"content_type\": \"text/plain\"}, {\"subdir\": \"p\\\"q/<r>\\t\\n\"}, {\"hash\": \"abc\", \"last_modified\": \"2023-11-14T22:13:22.000000\", \"bytes\": 5, \"name\": \"\\u65e5\", \"content_type\": \"\", \"symlink_path\": \"/v1/a/c/o\", \"x\": 1.5e-07, \"y\": true, \"z\": null}]";
    static final String CONTAINER_TEXT = "x&y<z>\u00e9\np\"q/<r>\t\n\n\u65e5\n";
    static final String CONTAINER_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\u00e9&lt;&gt;&quot;\"><object><name>x&amp;y&lt;z&gt;\u00e9</name><hash>d41d8cd98f00b204e9800998ecf8427e</hash><bytes>0</bytes><content_type>text/plain</content_type><last_modified>2023-11-14T22:13:22.123450</last_modified></object><subdir name=\"p&quot;q/&lt;r&gt;&#09;&#10;\"><name>p\"q/&lt;r&gt;\t\n</name></subdir><object><name>\u65e5</name><hash>abc</hash><bytes>5</bytes><content_type /><last_modified>2023-11-14T22:13:22.000000</last_modified></object></container>";
    static final String EMPTY_ACCOUNT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_t\u00e9st&amp;\">\n</account>";
    static final String EMPTY_CONTAINER_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\u00e9&lt;&gt;&quot;\" />";

    private ListingSamples() {
    }
}
