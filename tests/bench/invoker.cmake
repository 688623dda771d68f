# Invoker benchmark: embedded JavaScript throughput, cold starts and memory per environment (prints figures).
add_executable(bench_invoker ${CMAKE_CURRENT_LIST_DIR}/bench_invoker.cpp)
target_link_libraries(bench_invoker PRIVATE gatehouse_engine gatehouse_options gatehouse_allocator)
set_target_properties(bench_invoker PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
# The gateway benchmark's handler, whose per-request JavaScript cost bench_invoker also measures.
target_compile_definitions(bench_invoker PRIVATE
                           BENCH_GATEWAY_HANDLER="${CMAKE_CURRENT_LIST_DIR}/gateway/handler.js")
