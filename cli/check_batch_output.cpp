#include "cli/check_batch_output.h"

#include "cli/text_columns.h"
#include "eutl/evidence_from_lists.h"
#include "eutl/tsl/bytes.h"

namespace eutl::cli {
namespace {

using nlohmann::json;

// The CN of an RFC 2253 subject (escapes kept), else the whole subject.
std::string common_name(const std::string& subject) {
  for (std::size_t i = 0; i + 3 <= subject.size(); ++i) {
    if (subject.compare(i, 3, "CN=") == 0 && (i == 0 || (subject[i - 1] == ',' && (i < 2 || subject[i - 2] != '\\')))) {
      std::size_t end = i + 3;
      while (end < subject.size() && !(subject[end] == ',' && subject[end - 1] != '\\')) {
        ++end;
      }
      return subject.substr(i + 3, end - i - 3);
    }
  }
  return subject;
}

std::string verdict_word(const BatchRow& row, bool machine) {
  if (!row.result) {
    return "error";
  }
  const auto s = row.result->overall.status;
  if (machine) {
    return std::string(verify::to_string(s));
  }
  return s == verify::QualStatus::kQualified      ? "qualified"
         : s == verify::QualStatus::kNotQualified ? "not qualified"
                                                  : "indeterminate";
}

std::string qscd_word(const BatchRow& row) {
  if (!row.result) {
    return "";
  }
  switch (row.result->overall.qscd) {
    case verify::Tri::kTrue: return "yes";
    case verify::Tri::kFalse: return "no";
    case verify::Tri::kUnknown: break;
  }
  return "unknown";
}

std::string type_word(const BatchRow& row) {
  return row.result ? std::string(verify::to_string(row.result->overall.type)) : "";
}

std::string claim_verdict(const BatchRow& row) {
  return row.result && row.result->claim ? std::string(verify::to_string(row.result->claim->verdict)) : "";
}

std::string reason(const BatchRow& row) {
  if (row.error) {
    return row.error->message;
  }
  if (row.result->claim && row.result->claim->verdict != verify::Verdict::kConfirmed) {
    return row.result->claim->explanation;
  }
  return row.result->overall.reason;
}

std::string file_label(const BatchRow& row) {
  return row.entry->file + (row.entry->index > 1 ? "#" + std::to_string(row.entry->index) : "");
}

// A path cut from the left ("~certs/qes.pem"), so the file name stays; UTF-8 safe.
std::string fit_path(const std::string& path, std::size_t width) {
  if (utf8_length(path) <= width || width == 0) {
    return fit(path, width);
  }
  std::size_t keep = width - 1;
  std::size_t start = path.size();
  while (keep > 0 && start > 0) {
    --start;
    if ((static_cast<unsigned char>(path[start]) & 0xC0) != 0x80) {
      --keep;
    }
  }
  return "~" + path.substr(start);
}

}  // namespace

void print_batch_table(std::ostream& out, std::span<const BatchRow> rows, bool reasons) {
  constexpr std::size_t kFile = 28, kSubject = 36, kVerdict = 13, kType = 7, kQscd = 7;
  out << pad("FILE", kFile) << ' ' << pad("SUBJECT", kSubject) << ' ' << pad("VERDICT", kVerdict) << ' '
      << pad("TYPE", kType) << ' ' << pad("QSCD", kQscd) << " CLAIM\n";
  for (const auto& row : rows) {
    std::string subject = row.entry->subject ? common_name(row.entry->subject->certificate.subject) : "";
    if (!row.result) {
      subject = row.error ? row.error->message : subject;
    }
    std::string claim = row.result && row.result->claim
                            ? row.result->claim->claim.text + ": " + claim_verdict(row)
                            : "-";
    out << pad(fit_path(file_label(row), kFile), kFile) << ' ' << pad(fit(subject, kSubject), kSubject) << ' '
        << pad(verdict_word(row, false), kVerdict) << ' ' << pad(type_word(row), kType) << ' '
        << pad(qscd_word(row), kQscd) << ' ' << (row.result ? claim : "") << '\n';
    if (reasons) {
      out << "    " << reason(row) << '\n';
    }
  }
}

void print_batch_csv(std::ostream& out, std::span<const BatchRow> rows) {
  out << csv_row({"file", "index", "subject", "sha256", "verdict", "type", "qscd", "claim", "claim_verdict",
                  "reason"});
  for (const auto& row : rows) {
    const auto* s = row.entry->subject ? &*row.entry->subject : nullptr;
    out << csv_row({row.entry->file, std::to_string(row.entry->index), s ? s->certificate.subject : "",
                    s ? tsl::to_hex(s->certificate.sha256) : "", verdict_word(row, true), type_word(row),
                    qscd_word(row), row.result && row.result->claim ? row.result->claim->claim.text : "",
                    claim_verdict(row), reason(row)});
  }
}

json batch_row_json(const eutl::TrustedLists& lists, const BatchRow& row) {
  json source = {{"file", row.entry->file}, {"index", row.entry->index}};
  if (!row.result) {
    const Error& e = *row.error;
    return {{"source", source}, {"error", {{"code", errc_name(e.code)}, {"message", e.message}}}};
  }
  json out = json::parse(eutl::check_json(lists, row.entry->subject->certificate, *row.result));
  out["source"] = std::move(source);
  return out;
}

std::string batch_summary(std::span<const BatchRow> rows) {
  std::size_t yes = 0, no = 0, unknown = 0, errors = 0;
  bool claim = false;
  for (const auto& row : rows) {
    if (!row.result) {
      ++errors;
      continue;
    }
    claim = claim || row.result->claim.has_value();
    const auto answer = eutl::answer_of(*row.result);
    (answer == eutl::Answer::kYes ? yes : answer == eutl::Answer::kNo ? no : unknown) += 1;
  }
  std::string text = std::to_string(rows.size()) + (rows.size() == 1 ? " certificate: " : " certificates: ");
  text += claim ? std::to_string(yes) + " confirmed, " + std::to_string(no) + " refuted, "
                : std::to_string(yes) + " qualified, " + std::to_string(no) + " not qualified, ";
  text += std::to_string(unknown) + " indeterminate";
  if (errors > 0) {
    text += ", " + std::to_string(errors) + " could not be checked";
  }
  return text;
}

}  // namespace eutl::cli
