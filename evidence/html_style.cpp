// The report's inline stylesheet: screen and print. Printing ("print to PDF", or
// `eutl evidence report --pdf`) keeps colours of the verdict, the chain of trust and
// flagged rows, avoids breaking a row or a link across pages, and drops the margins.
#include "evidence/html.h"

namespace eutl::evidence::detail {

std::string_view html_style() {
  return R"css(
body{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;color:#1b1b1b;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:2px solid #ccd;padding-bottom:3px;margin-top:28px}
h3{font-size:15px;margin:14px 0 6px}
.verdict{border:3px solid;border-radius:6px;padding:14px 18px;margin:12px 0 18px}
.verdict .v{font-size:24px;font-weight:bold;text-transform:uppercase}
.good{border-color:#1a7f37;background:#e9f7ee}.bad{border-color:#b3261e;background:#fdecea}
.unknown{border-color:#9a6700;background:#fff8e1}
.unverified{border-color:#b3261e;background:#fff0f0;border-style:dashed}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12.5px}
th,td{border:1px solid #c8c8d0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef0f5}
td.k{width:150px;font-weight:bold;background:#f7f7fa}
td.lbl{font-weight:bold;background:#f7f7fa;white-space:nowrap}
code,.mono{font-family:"DejaVu Sans Mono",monospace;font-size:11.5px;word-break:break-all}
.path,.digest{font-family:"DejaVu Sans Mono",monospace;font-size:11.5px;white-space:nowrap}
table.matrix{table-layout:fixed}table.matrix td{overflow-wrap:anywhere}
table.matrix th:nth-child(1){width:3%}table.matrix th:nth-child(2){width:10%}table.matrix th:nth-child(3){width:15%}
table.matrix th:nth-child(4){width:25%}table.matrix th:nth-child(5){width:21%}table.matrix th:nth-child(6){width:15%}
table.matrix th:nth-child(7){width:11%}
tr.applied td{background:#e9f1ff}
tr.decisive td{background:#fff3c4}
tr.flagged td{background:#fdecea}
.flag{color:#b3261e;font-weight:bold}
.note{border-left:4px solid #9a6700;background:#fff8e1;padding:6px 10px;margin:6px 0}
ol.chain{list-style:none;padding:0;margin:8px 0}
ol.chain li{border:2px solid #9aa3b5;border-radius:6px;padding:6px 10px;margin:0;background:#f7f8fb}
ol.chain li+li{margin-top:22px;position:relative}
ol.chain li+li::before{content:"\2193  " attr(data-via);position:absolute;top:-21px;left:18px;color:#555;font-size:12px}
ol.chain li.decisive{border-color:#b58900;background:#fff3c4}
ol.chain .what{font-weight:bold;display:inline-block;min-width:170px}
ol.chain .meta{color:#444;font-size:12px}
.bar{position:relative;height:18px;background:#f1f1f4;border:1px solid #c8c8d0;margin:6px 0}
.seg{position:absolute;top:0;bottom:0;border-right:1px solid #fff}
.seg.ok{background:#7cc48f}.seg.bad{background:#e08a82}.seg.other{background:#b7b7c4}
.seg.applied{outline:2px solid #1d4ed8;z-index:1}
.mark{position:absolute;top:-4px;bottom:-4px;width:2px;background:#111;z-index:2}
.pass{color:#1a7f37}.fail{color:#b3261e;font-weight:bold}.indeterminate{color:#9a6700}.warning{color:#9a6700}
.na{color:#555;font-style:italic}
.muted{color:#666}
details>summary{cursor:pointer;font-weight:bold;margin:6px 0}
@media print{body{margin:0;max-width:none;font-size:10.5px;padding:0}h2{page-break-after:avoid;break-after:avoid}
table{font-size:10px}tr,.service,ol.chain li{page-break-inside:avoid;break-inside:avoid}
.verdict,.seg,.bar,tr.applied td,tr.decisive td,tr.flagged td,th,ol.chain li,.note{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details>summary{list-style:none}.path,.digest{white-space:normal;word-break:break-all}
@page{size:A4;margin:14mm 12mm}}
)css";
}

}  // namespace eutl::evidence::detail
