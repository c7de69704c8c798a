# Helper functions shared by every CMakeLists.txt of the project.
#
# mailkeep_add_library(<Name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
#   builds static library mailkeep_<name> with alias Mailkeep::<Name>; its folder is the
#   public include root so other libraries include "Name.h" by folder-relative paths.
# mailkeep_add_executable(<target> SOURCES ... LIBS ...)
# mailkeep_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
#   one GoogleTest binary linked to the shared test main, registered with ctest.

include_guard(GLOBAL)

function(mailkeep_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    string(TOLOWER "mailkeep_${name}" target)
    add_library(${target} STATIC ${ARG_SOURCES})
    add_library(Mailkeep::${name} ALIAS ${target})
    target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
    target_link_libraries(${target} PUBLIC mailkeep_common_config ${ARG_PUBLIC_LIBS}
                                    PRIVATE ${ARG_PRIVATE_LIBS})
    set_target_properties(${target} PROPERTIES AUTOMOC ON AUTORCC ON)
endfunction()

function(mailkeep_add_executable target)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE mailkeep_common_config ${ARG_LIBS})
    set_target_properties(${target} PROPERTIES AUTOMOC ON AUTORCC ON
                                               RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
    install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()

function(mailkeep_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    set(target test_${name})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE mailkeep_common_config Mailkeep::TestSupport
                                            ${ARG_LIBS})
    set_target_properties(${target} PROPERTIES AUTOMOC ON AUTORCC ON
                                               RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    add_test(NAME ${name} COMMAND ${target})
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}"
                         ENVIRONMENT "QT_QPA_PLATFORM=offscreen;MAILKEEP_BINARY_DIR=${CMAKE_BINARY_DIR}")
endfunction()
