// Writing the PDF in two passes: subset every font over the whole document (the fonts on threads),
// then write the pages with the subsets' glyph ids.
#include "pdf_writer.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <numeric>
#include <set>

#include "deflate.hpp"
#include "font_subset.hpp"
#include "font_usage.hpp"
#include "page_content.hpp"
#include "page_labels.hpp"
#include "parallel.hpp"
#include "pdf_document.hpp"
#include "pdf_font.hpp"

namespace recto::pdf {

namespace {

// A page's operators: compressed, unless libharu draws on the page too (its images) and compresses
// the whole stream itself.
struct PageOperators {
  std::string bytes;
  bool deflated = false;
};

// Every page's operators, made and compressed on the machine's cores (the bulk of writing a PDF),
// each handed to `add` in page order once it and the pages before it are made: the thread that
// finds the next page made adds it, one thread at a time, so that libharu's part overlaps the rest.
void each_page_operators(const typeset::PagedDoc& doc, const FontResources& resources,
                         const std::function<void(std::size_t, PageOperators&)>& add) {
  const std::size_t count = doc.pages.size();
  std::vector<PageOperators> made(count);
  std::vector<std::atomic<bool>> ready(count);
  std::mutex adding;
  std::size_t next = 0;  // the first page not added yet, under `adding`
  auto add_ready = [&] {
    for (; next < count && ready[next]; ++next) add(next, made[next]);
  };
  run_parallel(count, [&](std::size_t i) {
    std::string operators = page_content(doc.pages[i], resources);
    const bool own = doc.pages[i].images.empty();
    made[i] = {own ? zlib_deflated(operators) : std::move(operators), own};
    ready[i] = true;
    std::unique_lock<std::mutex> lock(adding, std::try_to_lock);
    if (lock) add_ready();
  });
  add_ready();  // the pages made while another thread was adding
}

}  // namespace

std::string write_pdf(const typeset::PagedDoc& doc) {
  PdfDocument pdf;

  const std::vector<FontUsage> usages = collect_font_usage(doc);
  std::vector<PdfFont> fonts(usages.size());
  std::vector<std::vector<double>> widths(usages.size());
  FontResources resources;
  std::unordered_map<const text::FontFace*, std::size_t> font_index;
  // hb-subset, the largest fonts first: a CJK fallback face takes longer than the text's own faces
  // together, which the other cores subset meanwhile.
  std::vector<std::size_t> by_cost(usages.size());
  std::iota(by_cost.begin(), by_cost.end(), 0);
  std::stable_sort(by_cost.begin(), by_cost.end(), [&](std::size_t a, std::size_t b) {
    return subset_cost(*usages[a].face) > subset_cost(*usages[b].face);
  });
  run_parallel(by_cost.size(), [&](std::size_t k) { fonts[by_cost[k]] = make_pdf_font(usages[by_cost[k]]); });
  for (std::size_t i = 0; i < usages.size(); ++i) {
    pdf.add_font(fonts[i], widths[i]);
    resources[usages[i].face] = {"R" + std::to_string(i + 1), &fonts[i], &widths[i]};
    font_index[usages[i].face] = i;
  }

  std::vector<std::string> labels;
  each_page_operators(doc, resources, [&](std::size_t page_number, PageOperators& ops) {
    const typeset::Page& page = doc.pages[page_number];
    const std::size_t index = pdf.add_page(doc.width, doc.height);
    for (const typeset::PlacedImage& image : page.images) pdf.draw_image(index, image);
    std::set<std::size_t> used;
    for (const typeset::GlyphRun& run : page.runs) used.insert(font_index.at(run.face));
    for (std::size_t font : used) pdf.use_font(index, font, resources.at(usages[font].face).name);
    if (ops.deflated) {
      pdf.set_content_deflated(index, ops.bytes);
    } else {
      pdf.append_content(index, ops.bytes);
    }
    std::string().swap(ops.bytes);
    labels.push_back(page.label);
  });
  for (std::size_t index = 0; index < doc.pages.size(); ++index) {
    for (const typeset::LinkArea& link : doc.pages[index].links) pdf.add_link(index, link);
  }
  pdf.add_outline(doc.outline);
  pdf.add_page_labels(page_label_ranges(labels));
  pdf.set_info(doc.info);
  return pdf.save();
}

}  // namespace recto::pdf
