"""Component styles resolved as they are drawn: translucent colours blended, «auto» resolved.

`Widget.get_component_rich_style(name, partial=True)` drops a colour's alpha and leaves «auto»
to Rich, so `$text-muted` («auto 60%») came out pure white — #FFFFFF on a light surface — and a
«$primary 40%» background came out as the full primary. These helpers resolve a component's
colours over the widget's own background the way `tui.app.contrast` checks them, so what the
contrast check passes is what the terminal shows.
"""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.widget import Widget

from tui.app.contrast import over


def component_style(widget: Widget, name: str, *, background: Color | None = None) -> Style:
    """The rich style of component class `name`, its colours opaque over `background` (default:
    the widget's background). The style carries a background only if the component sets one."""
    styles = widget.get_component_styles(name)
    below = background if background is not None else widget.background_colors[1]
    bgcolor = None
    drawn_on = below
    if styles.has_rule("background") and styles.background.a > 0:
        drawn_on = over(styles.background, below)
        bgcolor = drawn_on.rich_color
    color = None
    if styles.has_rule("color"):
        color = over(styles.color, drawn_on).rich_color
    style = Style(color=color, bgcolor=bgcolor)
    return style + styles.text_style


def widget_background(widget: Widget) -> Color:
    """The widget's background as drawn (blended over its ancestors)."""
    return widget.background_colors[1]
