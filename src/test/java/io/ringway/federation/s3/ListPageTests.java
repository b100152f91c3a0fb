package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListPageTests {

    private static final String PAGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>b</Name><Prefix></Prefix><KeyCount>3</KeyCount><MaxKeys>3</MaxKeys>
              <EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>
              <NextContinuationToken>next+token</NextContinuationToken>
              <Contents>
                <Key>d%20%C3%BC</Key><LastModified>2026-11-22T20:00:01.500Z</LastModified>
                <ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag><Size>4</Size>
                <Owner><ID>x</ID><DisplayName>y</DisplayName></Owner><StorageClass>STANDARD</StorageClass>
              </Contents>
              <Contents>
                <Key>a+b%2Bc</Key><LastModified>2026-11-22T20:00:00.000Z</LastModified>
                <ETag>"abc-2"</ETag><Size>10</Size>
              </Contents>
              <CommonPrefixes><Prefix>c%2F</Prefix></CommonPrefixes>
            </ListBucketResult>
            """;

    @Test
    void readsObjectsAndPrefixesInOneSortedListWithKeysDecoded() {
        ListPage page = ListPage.parse(PAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(page.truncated()).isTrue();
        assertThat(page.nextToken()).isEqualTo("next+token");
        assertThat(page.entries()).containsExactly(
                new ListPage.Entry("a b+c", false, 10, "abc-2", "2026-11-22T20:00:00.000Z"),
                new ListPage.Entry("c/", true, 0, "", ""),
                new ListPage.Entry("d ü", false, 4, "0123456789abcdef0123456789abcdef", "2026-11-22T20:00:01.500Z"));
    }

    @Test
    void sortsByUtf8BytesAsS3AndSwiftDo() {
        // U+FF5E (3 UTF-8 bytes) sorts before U+1F600 (4 bytes), though its UTF-16 unit is larger.
        List<String> names = new java.util.ArrayList<>(List.of("\uD83D\uDE00", "\uFF5E", "z"));
        names.sort(ListPage.UTF8_ORDER);
        assertThat(names).containsExactly("z", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void refusesWhatIsNotAListing() {
        assertThatThrownBy(() -> ListPage.parse("<Error><Code>NoSuchBucket</Code></Error>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a ListBucketResult");
        assertThatThrownBy(() -> ListPage.parse("<ListBucketResult><Contents>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void swiftListingsHaveSwiftsFieldsAndTimes() {
        byte[] json = S3Listings.json(List.of(new ListPage.Entry("c/", true, 0, "", ""),
                new ListPage.Entry("d ü", false, 4, "0123", "2026-11-22T20:00:01.500Z")));

        assertThat(new String(json, StandardCharsets.US_ASCII)).isEqualTo("[{\"subdir\": \"c/\"}, {\"bytes\": 4,"
                + " \"hash\": \"0123\", \"name\": \"d \\u00fc\", \"content_type\": \"application/octet-stream\","
                + " \"last_modified\": \"2026-11-22T20:00:01.500000\"}]");
    }
}
