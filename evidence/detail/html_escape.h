// Escaping for the HTML pages of other layers (the TSP report): & < > " ' for text
// and attribute values. Defined with the evidence report (evidence/html.cpp).
#pragma once

#include <string>
#include <string_view>

namespace eutl::evidence::detail {

std::string html_escape(std::string_view s);

}  // namespace eutl::evidence::detail
