# Process runtime benchmark: Node.js/Python cold starts next to the bare interpreters, and the Node.js warm
# invoke overhead over the Runtime API (prints figures).
add_executable(bench_process_runtimes ${CMAKE_CURRENT_LIST_DIR}/bench_process_runtimes.cpp)
target_link_libraries(bench_process_runtimes PRIVATE gatehouse_engine gatehouse_options gatehouse_allocator)
set_target_properties(bench_process_runtimes PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
