"""The REST API and dashboard (needs the ``serve`` extra: FastAPI and uvicorn)."""
