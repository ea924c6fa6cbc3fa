package org.exhibit.integrity.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void safeNamesAreKeptAsTheyAre() {
        assertThat(FileNames.sanitise("Screenshot 2026-03-01 at 09.30 (2).png")).isEqualTo("Screenshot 2026-03-01 at 09.30 (2).png");
        assertThat(FileNames.sanitise("聊天记录.txt")).isEqualTo("聊天记录.txt");
    }

    @Test
    void namesThatWouldMisbehaveSomewhereAreMadeHarmless() {
        assertThat(FileNames.sanitise("..")).isEqualTo("file");
        assertThat(FileNames.sanitise(".bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.sanitise("a\\b:c*d?e\"f<g>h|i")).isEqualTo("a_b_c_d_e_f_g_h_i");
        assertThat(FileNames.sanitise("line\nbreak.txt")).isEqualTo("line_break.txt");
        assertThat(FileNames.sanitise("trailing. . ")).isEqualTo("trailing");
        assertThat(FileNames.sanitise("CON.txt")).isEqualTo("_CON.txt");
        assertThat(FileNames.sanitise("nul")).isEqualTo("_nul");
        assertThat(FileNames.sanitise("item.json")).isEqualTo("original-item.json");
        assertThat(FileNames.sanitise("item.json.local.tsr")).isEqualTo("original-item.json.local.tsr");
    }

    @Test
    void longNamesAreCutOnCharacterBoundariesKeepingTheExtension() {
        String name = FileNames.sanitise("😀".repeat(100) + ".jpeg");
        assertThat(name).endsWith(".jpeg");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
        assertThat(name.codePoints()).doesNotContain((int) '?');
        assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(name);
    }
}
