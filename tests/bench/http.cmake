# HTTP layer benchmark: bench_http_server is driven by http_wrk.sh (wrk against it and nginx).
add_executable(bench_http_server ${CMAKE_CURRENT_LIST_DIR}/bench_http_server.cpp)
target_link_libraries(bench_http_server PRIVATE gatehouse_engine gatehouse_options gatehouse_allocator)
set_target_properties(bench_http_server PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
