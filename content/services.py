"""Writes every app shares."""


def model_update(*, instance, data: dict, save: bool = True) -> list[str]:
    """Set only the fields in `data` whose value differs, save if any did, and
    say which (their names, in the order of `data`).

    Saving goes through the model's own save(): its version check and history.
    """
    changed = [name for name, value in data.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, data[name])
    if changed and save:
        instance.save()
    return changed


def field_labels(model, names) -> str:
    """'titel, volgorde': the fields' names as the admin shows them."""
    return ", ".join(str(model._meta.get_field(name).verbose_name) for name in names)
