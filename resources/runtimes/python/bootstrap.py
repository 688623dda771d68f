# Gatehouse's bootstrap for the python3.* runtimes, started as `python3 -u bootstrap.py` with the
# function's environment (AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT, ...). The runtime itself
# is a module beside this file, so that its bytecode is cached (a script is compiled at every start:
# ~5 ms of a cold start).
import os
import sys

import gatehouse_lambda_runtime

# Lambda's code folder is read-only, so Python writes no __pycache__ into it; here one would also look
# like an edit to the code watcher and recycle the environment.
sys.dont_write_bytecode = True
# sys.path[0] is this file's folder; the function's code folder takes its place, as in Lambda.
sys.path[0] = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
gatehouse_lambda_runtime.main()
