#include "server/web/page_layout.h"

#include <array>
#include <utility>

#include "evidence/detail/html_escape.h"
#include "server/web/static_assets.h"

namespace eutl::server::web {
namespace {

struct NavItem final {
  Section section;
  std::string_view href;
  std::string_view label;
};

constexpr std::array kNav{
    NavItem{Section::kCheck, "/", "Check a certificate"},
    NavItem{Section::kStatus, "/status", "List status"},
    NavItem{Section::kServices, "/services", "Trust services"},
};

std::string navigation(Section current) {
  std::string out = "<nav aria-label=\"Pages\"><ul>";
  for (const NavItem& item : kNav) {
    out += "<li><a href=\"" + std::string(item.href) + "\"";
    if (item.section == current) {
      out += " aria-current=\"page\"";
    }
    out += ">" + std::string(item.label) + "</a></li>";
  }
  return out + "</ul></nav>";
}

}  // namespace

std::string esc(std::string_view text) { return evidence::detail::html_escape(text); }

std::string render_page(const PageFrame& frame, std::string_view main_html) {
  std::string out;
  out.reserve(main_html.size() + 2048);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(frame.title) + " · eutl</title>\n";
  out += "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + esc(asset_url("favicon.svg")) + "\">\n";
  out += "<link rel=\"stylesheet\" href=\"" + esc(asset_url("app.css")) + "\">\n";
  out += "<script src=\"" + esc(asset_url("app.js")) + "\" defer></script>\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n";
  out += "<header class=\"site\"><p class=\"brand\"><a href=\"/\">eutl</a> <span>EU trusted lists</span></p>" +
         navigation(frame.section) + "</header>\n";
  if (!frame.lists_problem.empty()) {
    out += "<div class=\"note\" id=\"lists-problem\" role=\"status\"><strong>The trusted lists:</strong> " +
           esc(frame.lists_problem) + "</div>\n";
  }
  out += "<main id=\"main\">\n";
  out += main_html;
  out += "\n</main>\n<footer><p>Decisions follow ETSI TS 119 615 over the EU trusted lists (ETSI TS 119 612), "
         "verified back to the certificates published in the Official Journal of the EU. "
         "<a href=\"/v1/openapi.json\">API</a></p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace eutl::server::web
