package quote_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/quote"
)

// TestSample checks every quote of the RFE/RL sample article, each read
// and agreed with by hand: what was said, by whom, reported by whom.
func TestSample(t *testing.T) {
	b, err := os.ReadFile("../testdata/samples/rferl-2016-12-23-aleppo.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := parse(t, string(b))
	qs, err := quote.Attribute(context.Background(), d, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range qs {
		checkSpans(t, d.Text, q)
		s := summary(q)
		if len(s) > 110 {
			s = s[:110]
		}
		got = append(got, s)
	}
	want := []string{
		"indirect \"Say\" Assad: Aleppo Takeover Makes Conditions Ripe For Peace",
		"indirect \"said\" The presidents of Russia and Syria: it has made conditions ripe for a broader peace deal in th",
		"indirect \"hailed\" Russian President Vladmir Putin: the recapture of Aleppo",
		"direct \"calling\" Russian President Vladmir Putin: very important part of the normalization in Syria",
		"indirect \"said\" Putin→President Vladmir Putin(short-ref): it proved the competence of the \"troika\" of nation",
		"direct \"said\" Putin→President Vladmir Putin(short-ref): In the next stage, an agreement on a cease-fire on t",
		"indirect \"said\" He→President Vladmir Putin(pronoun): the troika had agreed to hold their next round of Syria",
		"direct \"\" He→President Vladmir Putin(pronoun): President [Nursultan] Nazarbaev has kindly agreed to provide ",
		"direct \"told\" Putin→President Vladmir Putin(short-ref) to Assad by The Kremlin: the main goal now is to focu",
		"mixed \"responded\" Assad by Syria's SANA news agency: the Aleppo takeover \"has opened the door for political wo",
		"indirect \"said\" Hizballah leader Sayyed Hassan Nasrallah: the army's defeat of rebels in Aleppo put an end to ",
		"direct \"said\" Nasrallah→Sayyed Hassan Nasrallah(short-ref): After Aleppo, one can comfortably say that the g",
		"indirect \"announced\" The Kremlin: Putin signed an order to expand Russia's naval facility in the Syrian city o",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
