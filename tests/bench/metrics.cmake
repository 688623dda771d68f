# Metrics benchmark: the cost of recording a request or an invocation, next to the access log append every
# request already pays, and the time to render /metrics (prints figures).
add_executable(bench_metrics ${CMAKE_CURRENT_LIST_DIR}/bench_metrics.cpp)
target_link_libraries(bench_metrics PRIVATE gatehouse_engine gatehouse_options gatehouse_allocator)
set_target_properties(bench_metrics PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
