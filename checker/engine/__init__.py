"""Engines that run the pipeline somewhere other than this one process (``dask_engine``: a Dask cluster)."""
