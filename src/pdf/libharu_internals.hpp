// Everything recto does with libharu 2.3.0's internal records (document, page, dictionary, xref):
// hand-made font objects, page font resources and content, catalog entries, the version and /ID.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

#include "page_labels.hpp"
#include "pdf_font.hpp"

namespace recto::pdf {

// Throws unless the installed libharu is 2.3.0 and its records read as this file expects.
void check_libharu_layout(HPDF_Doc pdf);
void check_libharu_page_layout(HPDF_Doc pdf, HPDF_Page page);

// The number libharu writes for `value` (an HPDF_Real: a float with 5 decimals), read back.
double as_written_by_libharu(double value);

// A Type0 font (Identity-H, ToUnicode) over a CIDFont with its descriptor and compressed font
// program. `written_widths` receives each glyph's width as /W writes it.
HPDF_Dict add_type0_font(HPDF_Doc pdf, const PdfFont& font, std::vector<double>& written_widths);

// Puts the font into the page's own /Font resources under `name`.
void add_font_to_page(HPDF_Doc pdf, HPDF_Page page, const std::string& name, HPDF_Dict font);

// Appends content-stream operators to the page, after whatever libharu wrote there.
void append_page_content(HPDF_Doc pdf, HPDF_Page page, std::string_view operators);
// Makes the page's content stream the given operators, Flate-compressed already (flate.hpp); for
// a page where libharu wrote nothing.
void set_page_content_deflated(HPDF_Doc pdf, HPDF_Page page, std::string_view deflated);

// Text strings in UTF-16BE where libharu's UTF-8 encoder turns characters beyond the BMP into
// spaces.
void set_info_text(HPDF_Doc pdf, const char* key, const std::string& utf8);
void set_outline_title(HPDF_Doc pdf, HPDF_Outline outline, const std::string& utf8);

void set_pdf_version_1_4(HPDF_Doc pdf);
void set_catalog_lang(HPDF_Doc pdf, const std::string& lang);
void set_display_doc_title(HPDF_Doc pdf);
// The trailer's /ID: two equal 16-byte strings, the MD5 digest of `seed`.
void set_document_id(HPDF_Doc pdf, const std::string& seed);
// A /PageLabels entry; unlike HPDF_AddPageLabel it can leave out the number style.
void add_page_label(HPDF_Doc pdf, const PageLabelRange& range);

}  // namespace recto::pdf
