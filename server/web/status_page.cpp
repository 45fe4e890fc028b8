#include "server/web/status_page.h"

#include <algorithm>
#include <tuple>

#include "eutl/verify/list_freshness.h"
#include "server/web/page_layout.h"
#include "server/web/security_headers.h"

namespace eutl::server::web {
namespace {

int kind_rank(verify::ListKind kind) {
  switch (kind) {
    case verify::ListKind::kLotl: return 0;
    case verify::ListKind::kPivot: return 1;
    case verify::ListKind::kTl: break;
  }
  return 2;
}

std::string status_class(std::string_view status) { return status == "valid" ? "pass" : "fail"; }

}  // namespace

std::vector<ListRow> list_rows(const TrustedLists& lists, tsl::TimePoint now) {
  std::vector<const verify::VerifiedList*> order;
  for (const verify::VerifiedList& v : lists.lists()) {
    order.push_back(&v);
  }
  const auto territory = [](const verify::VerifiedList* v) {
    return v->list ? v->list->scheme.territory : std::string{};
  };
  std::stable_sort(order.begin(), order.end(), [&](const auto* a, const auto* b) {
    return std::tuple(kind_rank(a->kind), territory(a)) < std::tuple(kind_rank(b->kind), territory(b));
  });
  std::vector<ListRow> rows;
  for (const verify::VerifiedList* v : order) {
    ListRow row;
    row.kind = std::string(verify::to_string(v->kind));
    row.status = std::string(verify::to_string(v->status));
    row.source = v->source;
    if (v->list) {
      const tsl::SchemeInformation& s = v->list->scheme;
      row.territory = s.territory;
      row.sequence = std::to_string(s.sequence_number);
      row.issue_date = tsl::format_time(s.issue_date);
      row.next_update = tsl::format_time(s.next_update, "none (closed list)");
      row.stale = v->kind != verify::ListKind::kPivot && verify::past_next_update(s.next_update, now);
    }
    for (const verify::Reason& r : v->reasons) {
      row.reasons += (row.reasons.empty() ? "" : "; ") + r.message;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string render_status(const std::vector<ListRow>& rows, const TrustedLists* lists, tsl::TimePoint now) {
  std::string out = "<h1>Trusted list status</h1>\n";
  if (lists == nullptr) {
    return out + "<p id=\"no-lists\">No verified snapshot of the trusted lists is loaded yet, so no certificate "
                 "can be checked. The notice above says why.</p>\n";
  }
  const auto stale = std::count_if(rows.begin(), rows.end(), [](const ListRow& r) { return r.stale; });
  out += "<p id=\"summary\">" + std::to_string(rows.size()) + " lists, " + std::to_string(lists->valid_count()) +
         " valid when verified at " + esc(tsl::format_time(lists->lists_at())) + "; " + std::to_string(stale) +
         " in use past their NextUpdate at " + esc(tsl::format_time(now)) + " (ETSI TS 119 612 V2.4.1 §5.3.15).";
  if (!lists->snapshot_id().empty()) {
    out += " Snapshot <code>" + esc(lists->snapshot_id()) + "</code>.";
  }
  out += "</p>\n<table class=\"lists\" id=\"lists\"><caption>One row per list, the list of lists first</caption>"
         "<thead><tr><th scope=\"col\">Territory</th><th scope=\"col\">Kind</th><th scope=\"col\">Sequence</th>"
         "<th scope=\"col\">Issued</th><th scope=\"col\">Next update</th><th scope=\"col\">Status</th>"
         "<th scope=\"col\">Stale</th><th scope=\"col\">Why</th></tr></thead><tbody>\n";
  for (const ListRow& r : rows) {
    out += std::string("<tr") + (r.stale ? " class=\"flagged\"" : "") + " data-territory=\"" + esc(r.territory) +
           "\"><td>" + esc(r.territory) + "</td><td>" + esc(r.kind) + "</td><td>" + esc(r.sequence) + "</td><td>" +
           esc(r.issue_date) + "</td><td>" + esc(r.next_update) + "</td><td class=\"" + status_class(r.status) +
           "\">" + esc(r.status) + "</td><td class=\"stale\">" +
           (r.stale ? "<span class=\"flag\">stale</span>" : r.kind == "pivot" ? "n/a (pivot)" : "fresh") + "</td><td>" + esc(r.reasons) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

Response status_page(const Request&, const RequestContext& context) {
  std::vector<ListRow> rows;
  if (context.lists) {
    rows = list_rows(*context.lists, context.now);
  }
  const std::string main = render_status(rows, context.lists.get(), context.now);
  return html_page(render_page({"List status", Section::kStatus, context.lists_problem}, main),
                   context.lists ? 200 : 503);
}

}  // namespace eutl::server::web
