"""The money of a programme: "Wat mag het kosten?" as the budget publishes it.

models.py    the exploitation figures, the recapitulation, the explained changes
             per product, inhabitants
selectors.py the exploitation table, the changes, the shares and the figures per
             inhabitant
words.py     how an amount is written for a citizen (no bare minus signs)
charts.py    the plotly figures of the money
services.py  loading a budget's published figures (the command load_initial_data)
pages.py     its part of the programme page, search and feed (joined in apps.py)
templatetags/money_tags.py  units, grouped numbers and the home page's shares
"""
