"""The money of a programme: "Wat mag het kosten?" as the budget publishes it.

models.py    the exploitation figures, the explained changes per product, inhabitants
selectors.py the exploitation table, the changes and the figures per inhabitant
words.py     how an amount is written for a citizen (no bare minus signs)
charts.py    the plotly figures of the money
services.py  loading a budget's published figures (load_initial_data)
apps.py      how the money joins the programme page, search and the changes feed
"""
