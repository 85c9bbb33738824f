# recto_add_ebook(): builds a Markdown manuscript into its EPUB and PDFs with recto, as part of a CMake build.
#
#   recto_add_ebook(<name> SOURCE <dir or .md file>
#                   [STEM <stem>] [FORMATS epub kepub kindle pdf] [THEME <theme>...] [BOOK_THEME <theme>]
#                   [OUTPUT_DIR <dir>] [RECTO <program or target>])
#
# adds the target <name> (built by ALL) whose command runs `recto build` into OUTPUT_DIR (default: the
# current binary folder). recto names its files after the book's title, which CMake cannot read, so STEM
# (default: <name>) must be that title in lower case, its ASCII letters, digits and '_' kept and every other run
# of characters made one '-': "A Small Essay" gives a-small-essay. The files are <stem>.epub (FORMATS epub),
# <stem>.kepub.epub (kepub, for Kobo), <stem>.kindle.epub (kindle, for Send to Kindle), <stem>.pdf in the
# book's own theme (BOOK_THEME: `theme:` in book.yaml, else trade) and <stem>-<theme>.pdf in each other
# THEME. A STEM or BOOK_THEME that does not match the book fails the build, naming the files recto wrote.
# recto's depfile (<OUTPUT_DIR>/<name>.d) lists every file the build read, so a changed chapter, image,
# reference list, theme file or font rebuilds the book. The program is RECTO (a path or a target), else
# the imported target Recto::recto (find_package(Recto)), else `recto` on the PATH. Needs CMake 3.20.
#
# Run as a script (cmake -P Recto.cmake -- <file>...), this file checks that recto wrote the files named.

cmake_policy(VERSION 3.20...3.28)  # add_custom_command's DEPFILE with Makefiles, cmake_path, CMP0116

if(CMAKE_SCRIPT_MODE_FILE)
  # After `recto build`: every expected file must exist, or the build would never be up to date.
  set(missing "")
  math(EXPR last "${CMAKE_ARGC} - 1")
  foreach(index RANGE 1 ${last})
    set(argument "${CMAKE_ARGV${index}}")
    if(argument STREQUAL "--")
      set(collecting TRUE)
    elseif(collecting AND NOT EXISTS "${argument}")
      list(APPEND missing "${argument}")
      cmake_path(GET argument PARENT_PATH output_dir)
    endif()
  endforeach()
  if(missing)
    file(GLOB written LIST_DIRECTORIES FALSE RELATIVE "${output_dir}" "${output_dir}/*.epub" "${output_dir}/*.pdf")
    list(JOIN missing ", " missing_text)
    list(JOIN written ", " written_text)
    message(FATAL_ERROR "recto_add_ebook: recto did not write ${missing_text} (the folder holds: ${written_text}). "
                        "STEM must be the book's title as ASCII words joined by '-', lower case, and BOOK_THEME "
                        "the book's own theme when it is not trade.")
  endif()
  return()
endif()

function(recto_add_ebook name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SOURCE;STEM;BOOK_THEME;OUTPUT_DIR;RECTO" "FORMATS;THEME")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "recto_add_ebook(${name}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_SOURCE)
    message(FATAL_ERROR "recto_add_ebook(${name}): SOURCE (the manuscript folder or Markdown file) is required")
  endif()
  cmake_path(ABSOLUTE_PATH arg_SOURCE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE OUTPUT_VARIABLE source)
  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
             OUTPUT_VARIABLE output_dir)
  set(stem "${name}")
  if(arg_STEM)
    set(stem "${arg_STEM}")
  endif()
  set(formats epub pdf)
  if(arg_FORMATS)
    set(formats ${arg_FORMATS})
  endif()
  set(book_theme trade)
  if(arg_BOOK_THEME)
    set(book_theme "${arg_BOOK_THEME}")
  endif()

  if(arg_RECTO)
    set(recto "${arg_RECTO}")
  elseif(TARGET Recto::recto)
    set(recto Recto::recto)
  else()
    find_program(RECTO_EXECUTABLE recto REQUIRED DOC "the recto ebook builder")
    set(recto "${RECTO_EXECUTABLE}")
  endif()
  set(recto_file "")  # a new recto rebuilds the book, when CMake knows where recto is
  if(TARGET "${recto}" OR IS_ABSOLUTE "${recto}")
    set(recto_file "${recto}")
  endif()

  set(outputs "")
  foreach(format IN LISTS formats)
    if(format STREQUAL "epub")
      list(APPEND outputs "${output_dir}/${stem}.epub")
    elseif(format STREQUAL "kepub" OR format STREQUAL "kindle")
      list(APPEND outputs "${output_dir}/${stem}.${format}.epub")
    elseif(format STREQUAL "pdf")
      if(NOT arg_THEME)
        list(APPEND outputs "${output_dir}/${stem}.pdf")
      endif()
      foreach(theme IN LISTS arg_THEME)
        if(theme STREQUAL book_theme)
          list(APPEND outputs "${output_dir}/${stem}.pdf")
        else()
          cmake_path(GET theme STEM LAST_ONLY theme_name)
          list(APPEND outputs "${output_dir}/${stem}-${theme_name}.pdf")
        endif()
      endforeach()
    else()
      message(FATAL_ERROR "recto_add_ebook(${name}): unknown format '${format}' (formats: epub, kepub, kindle, pdf)")
    endif()
  endforeach()

  list(JOIN formats "," format_list)
  set(theme_option "")
  if(arg_THEME)
    list(JOIN arg_THEME "," theme_list)
    set(theme_option --theme "${theme_list}")
  endif()
  set(depfile "${output_dir}/${name}.d")
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND "${recto}" build "${source}" -o "${output_dir}" --format "${format_list}" ${theme_option}
            --depfile "${depfile}" -q
    COMMAND "${CMAKE_COMMAND}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}" -- ${outputs}
    DEPENDS ${recto_file}
    DEPFILE "${depfile}"
    COMMENT "Building the ebook ${name} with recto"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS ${outputs})
endfunction()
