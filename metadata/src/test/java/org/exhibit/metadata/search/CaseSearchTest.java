package org.exhibit.metadata.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseSearchTest {
    private static final List<TextUnit> UNITS = List.of(
            new TextUnit("item 0001", "data/files/0001/derived/ocr.txt", "", CaseTexts.OCR,
                    "@velvet_ fox 88\n31 December 2023\n"),
            new TextUnit("item 0002", "data/files/0002/derived/messages.json", "message 2, Velvet Fox, 12/31/23",
                    CaseTexts.CHAT, "Velvet Fox: call +1-555-0100\nvelvet fox 88"),
            new TextUnit("capture 0001", "data/captures/0001/page-text.txt", "", CaseTexts.PAGE,
                    "Profile\nVelvet Fox @VELVET_FOX_88\n"));

    @Test
    void findsCaseInsensitivelyWithLineNumbersAndSaysWhereOcrNeededLooseMatching() {
        List<Hit> hits = CaseSearch.search(UNITS, "@velvet_fox_88");
        assertThat(hits).extracting(Hit::evidence, Hit::where).containsExactly(
                org.assertj.core.api.Assertions.tuple("item 0001", "line 1; matched ignoring spaces and underscores"),
                org.assertj.core.api.Assertions.tuple("capture 0001", "line 2"));
        assertThat(hits.get(1).snippet()).isEqualTo("Velvet Fox @VELVET_FOX_88");
    }

    @Test
    void aPhoneNumberMatchesHoweverItsDigitsAreSpaced() {
        assertThat(CaseSearch.search(UNITS, "+1 555 0100")).extracting(Hit::where)
                .containsExactly("message 2, Velvet Fox, 12/31/23; line 1");
    }

    @Test
    void peopleListsHandlesPhonesAndSendersWithTheirPlaces() {
        List<Identifier> ids = People.find(UNITS);
        assertThat(ids).extracting(Identifier::kind, Identifier::value).contains(
                org.assertj.core.api.Assertions.tuple("handle", "@velvet_fox_88"),
                org.assertj.core.api.Assertions.tuple("phone", "+1-555-0100"),
                org.assertj.core.api.Assertions.tuple("sender", "Velvet Fox"));
        Identifier handle = ids.stream().filter(i -> i.value().equals("@velvet_fox_88")).findFirst().orElseThrow();
        assertThat(handle.places()).containsExactly("capture 0001  data/captures/0001/page-text.txt");
    }
}
