# The libraries recto links from Debian's static archives, with libstdc++, so that a run starts
# without loading them: 10 fewer shared objects for the dynamic loader, about 1.1 ms of every run
# (a start took 4.3 ms, a 4,000-word book 34 ms). Only libraries that no shared library recto still
# loads depends on: HarfBuzz, fontconfig, FreeType, libpng, libzip, libhpdf, libuuid and mimalloc stay
# shared. Off under the sanitizers and the fuzzers, whose runtimes want the shared objects.
option(RECTO_STATIC_LIBS "Link ICU, libhyphen, cmark-gfm, yaml-cpp, pugixml, libdeflate and libstdc++ statically" ON)
if(RECTO_SANITIZE OR RECTO_FUZZ)
  set(RECTO_STATIC_LIBS OFF)
endif()
if(RECTO_STATIC_LIBS)
  add_link_options(-static-libstdc++ -static-libgcc)
endif()

# recto_library(<target> <name>...): an imported target that links the libraries named, in order,
# from their archives when RECTO_STATIC_LIBS is on, else from their shared objects.
function(recto_library target)
  add_library(${target} INTERFACE IMPORTED GLOBAL)
  foreach(name IN LISTS ARGN)
    if(RECTO_STATIC_LIBS)
      find_library(RECTO_LIBRARY_${name} NAMES lib${name}.a REQUIRED)
    else()
      find_library(RECTO_LIBRARY_${name} NAMES ${name} REQUIRED)
    endif()
    target_link_libraries(${target} INTERFACE ${RECTO_LIBRARY_${name}})
  endforeach()
endfunction()

recto_library(recto::deflate deflate)
recto_library(recto::yaml-cpp yaml-cpp)
recto_library(recto::cmark-gfm cmark-gfm-extensions cmark-gfm)
recto_library(recto::icu-uc icuuc icudata)
recto_library(recto::hyphen hyphen)
recto_library(recto::pugixml pugixml)
