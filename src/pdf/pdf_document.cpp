// libharu's public API for the document: pages, images, annotations, outline, info and saving.
#include "pdf_document.hpp"

#include <hpdf.h>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <unordered_map>

#include "calendar.hpp"
#include "libharu_error.hpp"
#include "libharu_internals.hpp"
#include "pdf_syntax.hpp"
#include "pdf_writer.hpp"
#include "png_image.hpp"

namespace recto::pdf {

struct PdfDocument::State {
  HPDF_Doc pdf = nullptr;
  ~State() { HPDF_Free(pdf); }
  std::vector<HPDF_Dict> fonts;
  std::vector<HPDF_Page> pages;
  // Images already embedded, by a hash of their bytes, so that a repeated image is stored once; the
  // bytes are those of the PlacedImage being written, which outlives the document.
  std::unordered_multimap<std::size_t, std::pair<const std::string*, HPDF_Image>> images;

  void ok(HPDF_STATUS status, const std::string& what) const { check_libharu(pdf, status, what); }
  template <class T>
  T made(T object, const std::string& what) const {
    return made_by_libharu(pdf, object, what);
  }
  HPDF_Page page(std::size_t index) const {
    if (index >= pages.size())
      throw std::runtime_error("pdf: no page " + std::to_string(index + 1));
    return pages[index];
  }
  HPDF_Image image(const typeset::PlacedImage& placed);
  HPDF_Destination destination(std::size_t page_index, double y) const;
};

namespace {

HPDF_Image raw_image(HPDF_Doc pdf, const std::string& pixels, unsigned width, unsigned height,
                     unsigned channels) {
  return HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(pixels.data()), width,
                                  height, channels == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY,
                                  8);
}

HPDF_Date pdf_date(std::int64_t timestamp) {
  UtcTime t = utc_time(timestamp);
  HPDF_Date d{};
  d.year = std::clamp(t.year, 1, 9999);
  d.month = static_cast<HPDF_INT>(t.month);
  d.day = static_cast<HPDF_INT>(t.day);
  d.hour = static_cast<HPDF_INT>(t.hour);
  d.minutes = static_cast<HPDF_INT>(t.minute);
  d.seconds = static_cast<HPDF_INT>(t.second);
  d.ind = 'Z';
  return d;
}

// URIs as 7-bit ASCII: other bytes and spaces percent-encoded.
std::string ascii_uri(const std::string& uri) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c <= ' ' || c >= 0x7F) {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

HPDF_Image PdfDocument::State::image(const typeset::PlacedImage& placed) {
  const std::size_t hash = std::hash<std::string>()(placed.data);
  auto [first, last] = images.equal_range(hash);
  for (auto it = first; it != last; ++it) {
    if (*it->second.first == placed.data) return it->second.second;
  }
  HPDF_Image image = nullptr;
  try {
    if (placed.media_type == "image/jpeg") {
      image =
          made(HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(placed.data.data()),
                                         static_cast<HPDF_UINT>(placed.data.size())),
               "read a JPEG image");
    } else if (placed.media_type == "image/png") {
      DecodedImage decoded = decode_png(placed.data);
      image = made(raw_image(pdf, decoded.pixels, decoded.width, decoded.height, decoded.channels),
                   "embed a PNG image");
      if (!decoded.alpha.empty()) {
        HPDF_Image mask = made(raw_image(pdf, decoded.alpha, decoded.width, decoded.height, 1),
                               "embed a PNG's alpha");
        ok(HPDF_Image_AddSMask(image, mask), "set a PNG's alpha as soft mask");
      }
    } else {
      throw std::runtime_error("pdf: cannot embed an image of type '" + placed.media_type + "'");
    }
  } catch (const std::runtime_error& e) {  // a broken file: the problem is the manuscript's
    throw ImageError(e.what(), placed.anchor);
  }
  images.emplace(hash, std::make_pair(&placed.data, image));
  return image;
}

HPDF_Destination PdfDocument::State::destination(std::size_t page_index, double y) const {
  HPDF_Page target = page(page_index);
  HPDF_Destination d = made(HPDF_Page_CreateDestination(target), "make a destination");
  const double top = std::clamp(y, 0.0, static_cast<double>(HPDF_Page_GetHeight(target)));
  ok(HPDF_Destination_SetXYZ(d, 0, static_cast<HPDF_REAL>(top), 1), "set a destination");
  return d;
}

PdfDocument::PdfDocument() : state_(std::make_unique<State>()) {
  state_->pdf = HPDF_New(nullptr, nullptr);
  if (!state_->pdf) throw std::runtime_error("pdf: libharu cannot make a document");
  check_libharu_layout(state_->pdf);
  set_pdf_version_1_4(state_->pdf);
  state_->ok(HPDF_SetCompressionMode(state_->pdf, HPDF_COMP_ALL), "turn compression on");
}

PdfDocument::~PdfDocument() = default;

std::size_t PdfDocument::add_font(const PdfFont& font, std::vector<double>& written_widths) {
  state_->fonts.push_back(add_type0_font(state_->pdf, font, written_widths));
  return state_->fonts.size() - 1;
}

std::size_t PdfDocument::add_page(double width, double height) {
  HPDF_Page page = state_->made(HPDF_AddPage(state_->pdf), "add a page");
  check_libharu_page_layout(state_->pdf, page);
  state_->ok(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width)), "set the page width");
  state_->ok(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height)), "set the page height");
  state_->pages.push_back(page);
  return state_->pages.size() - 1;
}

void PdfDocument::use_font(std::size_t page, std::size_t font, const std::string& resource_name) {
  add_font_to_page(state_->pdf, state_->page(page), resource_name, state_->fonts.at(font));
}

void PdfDocument::draw_image(std::size_t page, const typeset::PlacedImage& placed) {
  HPDF_Image image = state_->image(placed);
  state_->ok(
      HPDF_Page_DrawImage(state_->page(page), image, static_cast<HPDF_REAL>(placed.x),
                          static_cast<HPDF_REAL>(placed.y), static_cast<HPDF_REAL>(placed.width),
                          static_cast<HPDF_REAL>(placed.height)),
      "draw an image");
}

void PdfDocument::append_content(std::size_t page, const std::string& operators) {
  append_page_content(state_->pdf, state_->page(page), operators);
}

void PdfDocument::set_content_deflated(std::size_t page, const std::string& deflated) {
  set_page_content_deflated(state_->pdf, state_->page(page), deflated);
}

void PdfDocument::add_link(std::size_t page, const typeset::LinkArea& link) {
  HPDF_Rect area{static_cast<HPDF_REAL>(link.x), static_cast<HPDF_REAL>(link.y),
                 static_cast<HPDF_REAL>(link.x + link.width),
                 static_cast<HPDF_REAL>(link.y + link.height)};
  HPDF_Annotation annotation = nullptr;
  if (!link.uri.empty()) {
    const std::string uri = ascii_uri(link.uri);
    if (uri.size() > kMaxStringBytes) return;  // longer than a PDF can hold: the text stays, unlinked
    annotation = state_->made(HPDF_Page_CreateURILinkAnnot(state_->page(page), area, uri.c_str()),
                              "make a URI link");
  } else {
    if (link.target_page < 0)
      throw std::runtime_error("pdf: a link has neither a URI nor a target page");
    HPDF_Destination target =
        state_->destination(static_cast<std::size_t>(link.target_page), link.target_y);
    annotation =
        state_->made(HPDF_Page_CreateLinkAnnot(state_->page(page), area, target), "make a link");
  }
  state_->ok(HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0), "hide a link's border");
}

void PdfDocument::add_outline(const std::vector<typeset::OutlineEntry>& outline) {
  if (outline.empty()) return;
  std::vector<HPDF_Outline> parents;  // the open entry of each level above the current one
  for (const typeset::OutlineEntry& entry : outline) {
    const std::size_t depth = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::max(entry.level, 1)) - 1, 0, parents.size());
    parents.resize(depth);
    HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
    HPDF_Outline item =
        state_->made(HPDF_CreateOutline(state_->pdf, parent, "", nullptr), "add a bookmark");
    set_outline_title(state_->pdf, item, entry.title);
    if (entry.page < 0)
      throw std::runtime_error("pdf: the bookmark '" + entry.title + "' has no page");
    state_->ok(HPDF_Outline_SetDestination(
                   item, state_->destination(static_cast<std::size_t>(entry.page), entry.y)),
               "point a bookmark at its page");
    parents.push_back(item);
  }
  state_->ok(HPDF_SetPageMode(state_->pdf, HPDF_PAGE_MODE_USE_OUTLINE), "show the bookmarks");
}

void PdfDocument::add_page_labels(const std::vector<PageLabelRange>& ranges) {
  for (const PageLabelRange& range : ranges) add_page_label(state_->pdf, range);
}

void PdfDocument::set_info(const typeset::DocInfo& info) {
  const std::pair<const char*, const std::string*> texts[] = {{"Title", &info.title},
                                                              {"Author", &info.author},
                                                              {"Subject", &info.subject},
                                                              {"Keywords", &info.keywords},
                                                              {"Creator", &info.creator}};
  for (const auto& [key, text] : texts) {
    if (!text->empty()) set_info_text(state_->pdf, key, *text);
  }
  const HPDF_Date date = pdf_date(info.timestamp);
  state_->ok(HPDF_SetInfoDateAttr(state_->pdf, HPDF_INFO_CREATION_DATE, date),
             "set the creation date");
  state_->ok(HPDF_SetInfoDateAttr(state_->pdf, HPDF_INFO_MOD_DATE, date),
             "set the modification date");
  set_catalog_lang(state_->pdf, info.lang);
  set_display_doc_title(state_->pdf);
  set_document_id(state_->pdf, info.id_seed);
}

std::string PdfDocument::save() {
  HPDF_Doc pdf = state_->pdf;
  state_->ok(HPDF_SaveToStream(pdf), "write the file");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_STATUS status = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  if (status == HPDF_STREAM_EOF && read == size) {
    HPDF_ResetError(pdf);  // reading a memory stream to its very end reports the end as an error
    status = HPDF_OK;
  }
  state_->ok(status, "read the file back");
  if (size == 0 || read != size)
    throw std::runtime_error("pdf: libharu wrote " + std::to_string(read) + " of " +
                             std::to_string(size) + " bytes");
  return bytes;
}

}  // namespace recto::pdf
