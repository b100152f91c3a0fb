package io.ringway.config.proxyconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PasteIniTests {

    @Test
    void aDefaultWinsOverASectionsOwnValueUnlessTheSectionSetsIt() {
        PasteIni ini = PasteIni.parse("""
                [DEFAULT]
                log_name = proxy
                node_timeout = 10

                [app:proxy-server]
                log_name = ignored-as-in-paste
                set node_timeout = 3
                conn_timeout: 0.5
                """);

        assertThat(ini.options("app:proxy-server"))
                .containsEntry("log_name", "proxy")
                .containsEntry("node_timeout", "3")
                .containsEntry("conn_timeout", "0.5");
        assertThat(ini.ownOptions("app:proxy-server")).doesNotContainKey("log_name").containsKey("node_timeout");
    }

    @Test
    void readsCommentsContinuationLinesAndKeepsTheCaseOfKeys() {
        PasteIni ini = PasteIni.parse("""
                # a comment
                [filter:tempauth]
                ; another
                SERVICE_require_group = service
                pipeline = a b
                    c d
                """);

        assertThat(ini.ownOptions("filter:tempauth"))
                .containsEntry("SERVICE_require_group", "service")
                .containsEntry("pipeline", "a b\nc d");
    }

    @Test
    void laterKeysReplaceEarlierOnes() {
        PasteIni ini = PasteIni.parse("[app:x]\na = 1\na = 2\n");

        assertThat(ini.options("app:x")).containsEntry("a", "2");
    }

    @Test
    void refusesLinesThatAreNeitherSectionsNorOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> PasteIni.parse("[app:x]\njust words\n"))
                .withMessageContaining("line 2");
        assertThatIllegalArgumentException().isThrownBy(() -> PasteIni.parse("a = 1\n"))
                .withMessageContaining("line 1");
    }
}
