// libharu's exported object API and its document and page records, used where its public API stops.
// Objects are added to the xref before they go into a dictionary (else they are written inline).
// Hand-made streams and page contents arrive compressed by recto (deflate.hpp, on several threads):
// libharu writes them as they are, and their dictionary's write hook adds the /Filter. libharu's
// byte-at-a-time HPDF_MemCpy is replaced by memmove (below).
#include "libharu_internals.hpp"

#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <cctype>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "libharu_error.hpp"
#include "pdf_syntax.hpp"

namespace recto::pdf {

namespace {

constexpr std::size_t kWidthsPerArray = 8192;  // libharu refuses arrays beyond 32767 items

// The write hook of a stream dictionary whose data recto compressed: libharu writes the keys, then
// this, then the data unchanged.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

class ObjectMaker {
 public:
  explicit ObjectMaker(HPDF_Doc pdf) : pdf_(pdf) {}

  HPDF_Dict indirect_dict() {
    HPDF_Dict d = made_by_libharu(pdf_, HPDF_Dict_New(pdf_->mmgr), "make a dictionary");
    ok(HPDF_Xref_Add(pdf_->xref, d), "add a dictionary to the xref");
    return d;
  }
  HPDF_Dict direct_dict() {
    return made_by_libharu(pdf_, HPDF_Dict_New(pdf_->mmgr), "make a dictionary");
  }
  HPDF_Array array() { return made_by_libharu(pdf_, HPDF_Array_New(pdf_->mmgr), "make an array"); }
  // A stream dictionary (libharu adds it to the xref itself) holding data recto compressed.
  HPDF_Dict deflated_stream(std::string_view deflated) {
    HPDF_Dict d =
        made_by_libharu(pdf_, HPDF_DictStream_New(pdf_->mmgr, pdf_->xref), "make a stream");
    write_deflated(d, deflated);
    return d;
  }
  // Compressed data into a stream dictionary that libharu is not to compress again.
  void write_deflated(HPDF_Dict d, std::string_view data) {
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = write_flate_filter;
    write(d->stream, data);
  }
  HPDF_String ascii_string(const std::string& s) {
    return made_by_libharu(pdf_, HPDF_String_New(pdf_->mmgr, s.c_str(), nullptr), "make a string");
  }
  // A PDF text string: literal when ASCII, else UTF-16BE with its byte order mark; cut to the
  // longest string a PDF holds (a title or heading of 20,000 words made libharu fail).
  void* text_string(const std::string& utf8) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
    if (ascii) return ascii_string(utf8.substr(0, kMaxStringBytes));
    std::string bytes = "\xFE\xFF" + utf16be(utf8);
    if (bytes.size() > kMaxStringBytes) {
      bytes.resize(kMaxStringBytes - 1);  // whole UTF-16 units, not ending inside a surrogate pair
      if ((static_cast<unsigned char>(bytes[bytes.size() - 2]) & 0xFC) == 0xD8) bytes.resize(bytes.size() - 2);
    }
    return made_by_libharu(pdf_,
                           HPDF_Binary_New(pdf_->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                           static_cast<HPDF_UINT>(bytes.size())),
                           "make a text string");
  }

  void add(HPDF_Dict d, const char* key, void* value) {
    ok(HPDF_Dict_Add(d, key, value), std::string("set /") + key);
  }
  void name(HPDF_Dict d, const char* key, const std::string& value) {
    ok(HPDF_Dict_AddName(d, key, value.c_str()), std::string("set /") + key);
  }
  void number(HPDF_Dict d, const char* key, long value) {
    ok(HPDF_Dict_AddNumber(d, key, static_cast<HPDF_INT32>(value)), std::string("set /") + key);
  }
  void real(HPDF_Dict d, const char* key, double value) {
    ok(HPDF_Dict_AddReal(d, key, static_cast<HPDF_REAL>(value)), std::string("set /") + key);
  }
  void boolean(HPDF_Dict d, const char* key, bool value) {
    ok(HPDF_Dict_AddBoolean(d, key, value ? HPDF_TRUE : HPDF_FALSE), std::string("set /") + key);
  }
  void push(HPDF_Array a, void* value) { ok(HPDF_Array_Add(a, value), "fill an array"); }
  void push_number(HPDF_Array a, long value) {
    ok(HPDF_Array_AddNumber(a, static_cast<HPDF_INT32>(value)), "fill an array");
  }
  void push_real(HPDF_Array a, double value) {
    ok(HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(value)), "fill an array");
  }
  void write(HPDF_Stream stream, std::string_view data) {
    ok(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                         static_cast<HPDF_UINT>(data.size())),
       "write a stream");
  }
  void ok(HPDF_STATUS status, const std::string& what) { check_libharu(pdf_, status, what); }

 private:
  HPDF_Doc pdf_;
};

HPDF_Dict font_file(ObjectMaker& m, const PdfFont& font) {
  HPDF_Dict file = m.deflated_stream(font.program);
  if (font.cff) {
    m.name(file, "Subtype", "CIDFontType0C");
  } else {
    m.number(file, "Length1", static_cast<long>(font.program_length));
  }
  return file;
}

HPDF_Dict font_descriptor(ObjectMaker& m, const PdfFont& font, HPDF_Dict file) {
  HPDF_Dict d = m.indirect_dict();
  m.name(d, "Type", "FontDescriptor");
  m.name(d, "FontName", font.base_font);
  m.number(d, "Flags", font.flags);
  HPDF_Array bbox = m.array();
  m.add(d, "FontBBox", bbox);
  for (int v : font.bbox) m.push_number(bbox, v);
  m.real(d, "ItalicAngle", font.italic_angle);
  m.number(d, "Ascent", font.ascent);
  m.number(d, "Descent", font.descent);
  m.number(d, "CapHeight", font.cap_height);
  m.number(d, "StemV", font.stem_v);
  m.add(d, font.cff ? "FontFile3" : "FontFile2", file);
  return d;
}

// /W [0 [w0 w1 …] 8192 [w8192 …]]: the subset's ids are consecutive from 0.
HPDF_Array widths(ObjectMaker& m, const PdfFont& font, std::vector<double>& written) {
  HPDF_Array w = m.array();
  written.clear();
  for (std::size_t first = 0; first < font.widths.size(); first += kWidthsPerArray) {
    m.push_number(w, static_cast<long>(first));
    HPDF_Array run = m.array();
    m.push(w, run);
    for (std::size_t i = first; i < font.widths.size() && i < first + kWidthsPerArray; ++i) {
      m.push_real(run, font.widths[i]);
      written.push_back(as_written_by_libharu(font.widths[i]));
    }
  }
  return w;
}

HPDF_Dict cid_font(ObjectMaker& m, const PdfFont& font, HPDF_Dict descriptor,
                   std::vector<double>& written) {
  HPDF_Dict d = m.indirect_dict();
  m.name(d, "Type", "Font");
  m.name(d, "Subtype", font.cff ? "CIDFontType0" : "CIDFontType2");
  m.name(d, "BaseFont", font.base_font);
  HPDF_Dict system = m.direct_dict();
  m.add(d, "CIDSystemInfo", system);
  m.add(system, "Registry", m.ascii_string("Adobe"));
  m.add(system, "Ordering", m.ascii_string("Identity"));
  m.number(system, "Supplement", 0);
  m.add(d, "FontDescriptor", descriptor);
  m.add(d, "W", widths(m, font, written));
  if (!font.cff) m.name(d, "CIDToGIDMap", "Identity");
  return d;
}

}  // namespace

void check_libharu_layout(HPDF_Doc pdf) {
  const std::string version = HPDF_GetVersion();
  if (version != "2.3.0") {
    throw std::runtime_error(
        "pdf: recto needs libharu 2.3.0, whose internal records it reads; this is " + version);
  }
  bool fits = pdf->sig_bytes == HPDF_SIG_BYTES && pdf->mmgr && pdf->xref &&
              pdf->trailer == pdf->xref->trailer && pdf->catalog &&
              pdf->catalog->header.obj_class == (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_CATALOG) &&
              HPDF_Dict_GetItem(pdf->catalog, "Pages", HPDF_OCLASS_DICT) == pdf->root_pages &&
              pdf->info && HPDF_Dict_GetItem(pdf->info, "Producer", HPDF_OCLASS_STRING) &&
              pdf->pdf_version == HPDF_VER_13;
  if (!fits) throw std::runtime_error("pdf: libharu's document record is not laid out as in 2.3.0");
}

void check_libharu_page_layout(HPDF_Doc pdf, HPDF_Page page) {
  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  bool fits = page->header.obj_class == (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_PAGE) && attr &&
              attr->xref == pdf->xref && HPDF_Stream_Validate(attr->stream) && attr->contents &&
              attr->contents->stream == attr->stream &&
              attr->parent == HPDF_Dict_GetItem(page, "Parent", HPDF_OCLASS_DICT) &&
              HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT) &&
              (attr->fonts == nullptr ||
               attr->fonts == HPDF_Dict_GetItem(static_cast<HPDF_Dict>(HPDF_Dict_GetItem(
                                                    page, "Resources", HPDF_OCLASS_DICT)),
                                                "Font", HPDF_OCLASS_DICT));
  if (!fits) throw std::runtime_error("pdf: libharu's page record is not laid out as in 2.3.0");
}

double as_written_by_libharu(double value) {
  // As HPDF_Stream_WriteReal calls it: the text ends at the returned pointer, not always at a NUL.
  char text[HPDF_REAL_LEN + 1];
  const char* end = HPDF_FToA(text, static_cast<HPDF_REAL>(value), text + HPDF_REAL_LEN);
  double written = 0;
  std::from_chars(text, end, written);  // locale-free, as libharu writes
  return written;
}

HPDF_Dict add_type0_font(HPDF_Doc pdf, const PdfFont& font, std::vector<double>& written_widths) {
  ObjectMaker m(pdf);
  HPDF_Dict file = font_file(m, font);
  HPDF_Dict descriptor = font_descriptor(m, font, file);
  HPDF_Dict cid = cid_font(m, font, descriptor, written_widths);
  HPDF_Dict to_unicode = m.deflated_stream(font.to_unicode);
  HPDF_Dict type0 = m.indirect_dict();
  m.name(type0, "Type", "Font");
  m.name(type0, "Subtype", "Type0");
  // For a CIDFontType0 the name is the CIDFont's and the CMap's, joined by a hyphen
  // (PDF 1.7, 9.7.6.1).
  m.name(type0, "BaseFont", font.cff ? font.base_font + "-Identity-H" : font.base_font);
  m.name(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = m.array();
  m.add(type0, "DescendantFonts", descendants);
  m.push(descendants, cid);
  m.add(type0, "ToUnicode", to_unicode);
  return type0;
}

void add_font_to_page(HPDF_Doc pdf, HPDF_Page page, const std::string& name, HPDF_Dict font) {
  ObjectMaker m(pdf);
  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!attr->fonts) {  // as HPDF_Page_GetLocalFontName makes it, so that libharu finds it too
    auto resources =
        static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
    made_by_libharu(pdf, resources, "find the page's resources");
    HPDF_Dict fonts = m.direct_dict();
    m.add(resources, "Font", fonts);
    attr->fonts = fonts;
  }
  m.add(attr->fonts, name.c_str(), font);
}

void append_page_content(HPDF_Doc pdf, HPDF_Page page, std::string_view operators) {
  ObjectMaker(pdf).write(static_cast<HPDF_PageAttr>(page->attr)->stream, operators);
}

void set_page_content_deflated(HPDF_Doc pdf, HPDF_Page page, std::string_view deflated) {
  ObjectMaker(pdf).write_deflated(static_cast<HPDF_PageAttr>(page->attr)->contents, deflated);
}

void set_info_text(HPDF_Doc pdf, const char* key, const std::string& utf8) {
  ObjectMaker m(pdf);
  m.add(pdf->info, key, m.text_string(utf8));
}

void set_outline_title(HPDF_Doc pdf, HPDF_Outline outline, const std::string& utf8) {
  ObjectMaker m(pdf);
  m.add(outline, "Title", m.text_string(utf8));  // replaces the one HPDF_CreateOutline wrote
}

void set_pdf_version_1_4(HPDF_Doc pdf) {
  pdf->pdf_version = HPDF_VER_14;
}

void set_catalog_lang(HPDF_Doc pdf, const std::string& lang) {
  std::string tag;
  for (char c : lang) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') tag += c;
  }
  if (tag.empty()) return;
  ObjectMaker m(pdf);
  m.add(pdf->catalog, "Lang", m.ascii_string(tag));
}

void set_display_doc_title(HPDF_Doc pdf) {
  ObjectMaker m(pdf);
  HPDF_Dict preferences = m.direct_dict();
  m.add(pdf->catalog, "ViewerPreferences", preferences);
  m.boolean(preferences, "DisplayDocTitle", true);
}

void set_document_id(HPDF_Doc pdf, const std::string& seed) {
  HPDF_MD5_CTX context;
  HPDF_BYTE digest[HPDF_MD5_KEY_LEN];
  HPDF_MD5Init(&context);
  HPDF_MD5Update(&context, reinterpret_cast<const HPDF_BYTE*>(seed.data()),
                 static_cast<HPDF_UINT32>(seed.size()));
  HPDF_MD5Final(digest, &context);
  ObjectMaker m(pdf);
  HPDF_Array id = m.array();
  m.add(pdf->trailer, "ID", id);
  for (int copy = 0; copy < 2; ++copy) {
    m.push(id,
           made_by_libharu(pdf, HPDF_Binary_New(pdf->mmgr, digest, sizeof digest), "make the /ID"));
  }
}

void add_page_label(HPDF_Doc pdf, const PageLabelRange& range) {
  ObjectMaker m(pdf);
  HPDF_Dict label = m.direct_dict();
  if (range.style) m.name(label, "S", std::string(1, range.style));
  if (!range.prefix.empty()) m.add(label, "P", m.text_string(range.prefix));
  if (range.style && range.start != 1) m.number(label, "St", static_cast<long>(range.start));
  m.ok(HPDF_Catalog_AddPageLabel(pdf->catalog, range.first_page, label), "add a page label");
}

}  // namespace recto::pdf

// libharu copies every byte it stores or writes with HPDF_MemCpy, a loop of one byte at a time: a
// tenth of writing the 41k-word book's PDF, and most of saving it, which no other thread can help
// with. libharu calls it through its procedure linkage table, so this definition in the program
// takes its place (as a program's malloc takes libc's); it does the same, with libc's memmove.
extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
  if (n > 0) std::memmove(out, in, n);
  return out + n;
}
