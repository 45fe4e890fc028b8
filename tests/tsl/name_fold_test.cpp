// The fold behind `eutl list --name` (include/eutl/tsl/name_fold.h): case and diacritics of Latin
// letters (Latin-1 Supplement, Latin Extended-A/B and Additional), ligatures and sharp
// s spelled out, Greek and Cyrillic case, combining marks dropped, other bytes kept.
#include "eutl/tsl/name_fold.h"

#include <gtest/gtest.h>

namespace eutl::tsl {
namespace {

struct FoldCase {
  const char* given;
  const char* folded;
};

TEST(NameFold, LatinLettersLoseCaseAndDiacritics) {
  const FoldCase cases[] = {
      {"Société Générale", "societe generale"},
      {"Minősített Tanúsítványkiadó", "minositett tanusitvanykiado"},  // ő: Latin Extended-A
      {"Česká pošta, s.p.", "ceska posta, s.p."},
      {"Straße", "strasse"},
      {"ẞ", "ss"},  // capital sharp s, Latin Extended Additional
      {"Łódź", "lodz"},
      {"Søren Ørsted", "soren orsted"},
      {"Æon Œuvre Þing Đurđa", "aeon oeuvre thing durda"},
      {"Fábrica Nacional de Moneda y Timbre", "fabrica nacional de moneda y timbre"},
      {"Ţară Şcoală Țară Școală", "tara scoala tara scoala"},
      {"Ḑiacritics ỹ", "diacritics y"},  // Latin Extended Additional
      {"ǅemal", "dzemal"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(fold_for_search(c.given), c.folded) << c.given;
  }
}

TEST(NameFold, GreekAndCyrillicLoseCase) {
  EXPECT_EQ(fold_for_search("ΕΡΜΗΣ"), fold_for_search("Ερμής"));
  EXPECT_EQ(fold_for_search("Ερμής"), "ερμησ");  // tonos gone, final sigma as sigma
  EXPECT_EQ(fold_for_search("ΆΈΉΊΌΎΏΪΫ"), "αεηιουωιυ");
  EXPECT_EQ(fold_for_search("БОРИКА АД"), "борика ад");
  EXPECT_EQ(fold_for_search("ЀЏ"), "ѐџ");
}

TEST(NameFold, CombiningMarksAreDropped) {
  EXPECT_EQ(fold_for_search("Socie\u0301te\u0301"), "societe");  // decomposed é
  EXPECT_EQ(fold_for_search("Socie\u0301te\u0301"), fold_for_search("Société"));
}

TEST(NameFold, OtherTextAndStrayBytesStay) {
  EXPECT_EQ(fold_for_search("A-Trust GmbH (2024) ×÷"), "a-trust gmbh (2024) ×÷");
  EXPECT_EQ(fold_for_search("日本"), "日本");
  EXPECT_EQ(fold_for_search("x\xff\xc3"), "x\xff\xc3");  // not UTF-8: kept byte by byte
  EXPECT_EQ(fold_for_search(""), "");
}

TEST(NameFold, ContainsMatchesEitherWay) {
  EXPECT_TRUE(contains_folded("Microsec Számítástechnikai Fejlesztő zrt.", "SZAMITASTECHNIKAI"));
  EXPECT_TRUE(contains_folded("Microsec zrt.", "Micrösec"));  // accents typed, none in the name
  EXPECT_TRUE(contains_folded("anything", ""));
  EXPECT_FALSE(contains_folded("Disig, a.s.", "disig ltd"));
}

}  // namespace
}  // namespace eutl::tsl
