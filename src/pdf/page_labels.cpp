// Reading each label as a style, prefix and number, and merging pages that count on.
#include "page_labels.hpp"

#include <algorithm>
#include <cctype>

namespace recto::pdf {

namespace {

std::string roman(unsigned n, bool upper) {
  static const struct {
    unsigned value;
    const char* lower;
  } kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                 {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                 {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string s;
  for (const auto& d : kDigits) {
    for (; n >= d.value; n -= d.value) s += d.lower;
  }
  if (upper)
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// The value of a roman numeral written the canonical way, or 0.
unsigned roman_value(const std::string& s, bool upper) {
  const std::string letters = upper ? "IVXLCDM" : "ivxlcdm";
  if (s.empty() || s.size() > 15 || s.find_first_not_of(letters) != std::string::npos) return 0;
  for (unsigned n = 1; n < 4000; ++n) {
    if (roman(n, upper) == s) return n;
  }
  return 0;
}

PageLabelRange parse(const std::string& label, unsigned page) {
  for (bool upper : {false, true}) {
    if (unsigned n = roman_value(label, upper)) return {page, upper ? 'R' : 'r', "", n};
  }
  std::size_t digits = label.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(label[digits - 1]))) --digits;
  const std::size_t length = label.size() - digits;
  if (length > 0 && length < 10 && label[digits] != '0') {
    return {page, 'D', label.substr(0, digits),
            static_cast<unsigned>(std::stoul(label.substr(digits)))};
  }
  return {page, 0, label, 1};
}

bool counts_on(const PageLabelRange& range, const PageLabelRange& page) {
  if (range.style != page.style || range.prefix != page.prefix) return false;
  return range.style == 0 || page.start == range.start + (page.first_page - range.first_page);
}

}  // namespace

std::vector<PageLabelRange> page_label_ranges(const std::vector<std::string>& labels) {
  if (std::all_of(labels.begin(), labels.end(), [](const std::string& l) { return l.empty(); }))
    return {};
  std::vector<PageLabelRange> ranges;
  for (unsigned i = 0; i < labels.size(); ++i) {
    PageLabelRange page = parse(labels[i], i);
    if (ranges.empty() || !counts_on(ranges.back(), page)) ranges.push_back(page);
  }
  return ranges;
}

}  // namespace recto::pdf
