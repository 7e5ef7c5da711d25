"""Stage 7: the REST API and the web dashboard (``create_app``), and ``zhibiao serve``."""
