// styles/epub.css, built into the tool so that the binary is all a build step needs.
#pragma once

namespace recto::epub {

extern const char* const epub_css;

}  // namespace recto::epub
