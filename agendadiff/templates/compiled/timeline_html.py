# Compiled from templates/timeline.html.j2 by `python -m agendadiff.render.precompiled`; do not edit.
SOURCE_SHA256 = '3ee9efbdea309007099cc747e00c40a1611b3289ac36acb64cc3873f186fe9b0'
JINJA2 = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'timeline.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_version = resolve('version')
    l_0_heading = resolve('heading')
    l_0_letters = resolve('letters')
    l_0_t = resolve('t')
    l_0_groups = resolve('groups')
    l_0_threads = resolve('threads')
    l_0_chunks = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    def macro(l_1_items):
        t_2 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        pass
        for l_2_c in l_1_items:
            _loop_vars = {}
            pass
            if (environment.getattr(l_2_c, 'op') == 'equal'):
                pass
                t_2.append(
                    escape(environment.getattr(l_2_c, 'text')),
                )
            elif (environment.getattr(l_2_c, 'op') == 'delete'):
                pass
                t_2.extend((
                    '<del>',
                    escape(environment.getattr(l_2_c, 'text')),
                    '</del>',
                ))
            else:
                pass
                t_2.extend((
                    '<ins>',
                    escape(environment.getattr(l_2_c, 'text')),
                    '</ins>',
                ))
        l_2_c = missing
        return concat(t_2)
    context.exported_vars.add('chunks')
    context.vars['chunks'] = l_0_chunks = Macro(environment, macro, 'chunks', ('items',), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="agendadiff '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '">\n<title>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</title>\n<style>\n:root {\n  color-scheme: light dark;\n  --ink: #1d232b; --muted: #56606d; --paper: #fdfdfb; --card: #f2f3ef; --line: #d9dcd6;\n  --del: #fbe0dd; --del-ink: #8c1d13; --ins: #dcf2e0; --ins-ink: #14532d;\n  --pos: #b45309; --pos-bg: #fff4e0; --accent: #154273;\n  --h0: #eef0ec; --h1: #fdf0c9; --h2: #fbd98c; --h3: #f6b65a; --h4: #e98a3a; --h5: #a3421a; --new: #cfe3f7;\n  --a0: #e0a800; --a1: #f2c94c; --a2: #f9e08a; --a3: #fdf0c4; --a4: transparent; --a5: transparent;\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n    --ink: #e6e8ea; --muted: #a2abb6; --paper: #16191d; --card: #1f2329; --line: #343a42;\n    --del: #4a1f1c; --del-ink: #ffb4ab; --ins: #193a24; --ins-ink: #a6e3b4;\n    --pos: #f6ad55; --pos-bg: #3a2a12; --accent: #8fb8e8;\n    --h0: #262b31; --h1: #4a3f1f; --h2: #5e4a1c; --h3: #70481a; --h4: #823c16; --h5: #962e10; --new: #1f3a57;\n    --a0: #6b5512; --a1: #54431a; --a2: #3f3520; --a3: #30291f; --a4: #24221f; --a5: transparent;\n  }\n}\n* { box-sizing: border-box; }\nbody { margin: 0; background: var(--paper); color: var(--ink); overflow-wrap: anywhere;\n  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }\nmain { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }\nh1 { font-size: 1.5rem; margin: 0 0 .25rem; line-height: 1.3; }\nh2 { font-size: 1.25rem; margin: 0 0 .25rem; line-height: 1.3; }\nh3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }\na { color: var(--accent); }\n.sub { color: var(--muted); margin: 0 0 1.25rem; }\n.intro { color: var(--muted); font-size: .9rem; margin: .25rem 0 .75rem; max-width: 52rem; }\n.map-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }\ntable.map { border-collapse: separate; border-spacing: 3px; font-size: .88rem; min-width: 100%; }\n.map th, .map td { padding: 0; }\n.map thead th { font-weight: 600; text-align: center; padding: .3rem .25rem; font-size: .8rem; color: var(--muted); white-space: nowrap; vertical-align: bottom; }\n.map thead th span { display: block; font-weight: 400; font-size: .72rem; }\n.map th.topic { text-align: left; padding: .6rem .4rem .1rem; font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }\n.map th.row { text-align: left; font-weight: 500; padding: .15rem .6rem .15rem .4rem; max-width: 22rem; }\n.map th.row a { text-decoration: none; color: var(--ink); display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }\n.map th.row a:hover { text-decoration: underline; }\n.map th.row .span { display: block; font-weight: 400; font-size: .72rem; color: var(--muted); line-height: 1.2; }\n.map td a, .map td span.gap { display: block; min-width: 4.2rem; height: 1.9rem; line-height: 1.9rem; text-align: center; border-radius: 5px; text-decoration: none; color: var(--ink); font-variant-numeric: tabular-nums; font-size: .8rem; position: relative; }\n.map td span.gap { border: 1px dashed var(--line); }\n.map td a:focus-visible, .map td a:hover { outline: 2px solid var(--accent); outline-offset: 1px; }\n.map .h0 { background: var(--h0); color: var(--muted); } .map .h1 { background: var(--h1); } .map .h2 { background: var(--h2); }\n.map .h3 { background: var(--h3); } .map .h4 { background: var(--h4); } .map .h5 { background: var(--h5); color: #fff; }\n.map .new { background: var(--new); }\n.map .pos::after { content: ""; position: absolute; top: .2rem; right: .25rem; width: .55rem; height: .55rem; border-radius: 50%; background: var(--pos); border: 2px solid var(--paper); }\n.map .back::before { content: "↺"; position: absolute; left: .3rem; }\n.legend { display: flex; flex-wrap: wrap; gap: .35rem 1rem; font-size: .8rem; color: var(--muted); margin: .5rem 0 2rem; align-items: center; }\n.legend i { display: inline-block; width: 1.1rem; height: .9rem; border-radius: 3px; vertical-align: middle; margin-right: .3rem; border: 1px solid var(--line); }\n.thread { border-top: 2px solid var(--line); padding: 1.5rem 0 .5rem; }\n.thread > header p { margin: .2rem 0; color: var(--muted); font-size: .9rem; }\n.chip { display: inline-block; font-size: .78rem; background: var(--card); border: 1px solid var(--line); border-radius: 999px; padding: 0 .6rem; margin-right: .25rem; color: var(--ink); }\nol.titles { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }\nol.titles li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .2rem .6rem; font-size: .88rem; }\nol.titles li + li::before { content: "→"; margin: 0 .5rem 0 -.2rem; color: var(--muted); }\nol.titles small { color: var(--muted); }\n.steps { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 3px solid var(--line); }\n.steps > li { position: relative; margin: 0 0 1rem; padding-left: .75rem; scroll-margin-top: 1rem; }\n.steps > li::before { content: ""; position: absolute; left: -1.45rem; top: .45rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--paper); border: 3px solid var(--line); }\n.steps > li.new::before { border-color: #3b7dd8; } .steps > li.changed::before { border-color: var(--h3); }\n.steps > li.returned::before { border-color: var(--pos); } .steps > li.unchanged::before { border-color: var(--line); }\n.steps > li:target { background: var(--pos-bg); border-radius: 6px; }\n.when { font-weight: 600; }\n.meta { color: var(--muted); font-size: .85rem; }\n.badge { display: inline-block; font-size: .72rem; font-weight: 600; border-radius: 4px; padding: 0 .4rem; border: 1px solid currentColor; margin-left: .3rem; white-space: nowrap; }\n.badge.turn { color: var(--accent); }\n.pchanges { list-style: none; margin: .35rem 0 0; padding: 0; }\n.pchanges li { margin: .3rem 0; padding: .35rem .6rem; background: var(--pos-bg); border-left: 3px solid var(--pos); border-radius: 0 6px 6px 0; }\n.pchanges .what { font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--pos); margin-right: .35rem; }\n.cues { display: block; font-size: .82rem; color: var(--muted); }\ndel { background: var(--del); color: var(--del-ink); text-decoration: line-through; text-decoration-thickness: 1px; }\nins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; text-underline-offset: 2px; }\ndel + ins { margin-left: .2em; }\ndetails { margin: .35rem 0 0; font-size: .9rem; }\nsummary { cursor: pointer; color: var(--muted); }\ndetails ul { margin: .3rem 0; padding-left: 1.25rem; }\n.aged p { margin: 0 0 .8rem; max-width: 50rem; }\n.aged span { border-radius: 3px; padding: .05rem 0; }\n.aged .a0 { background: var(--a0); } .aged .a1 { background: var(--a1); } .aged .a2 { background: var(--a2); }\n.aged .a3 { background: var(--a3); } .aged .a4 { background: var(--a4); }\n.aged span.p { text-decoration: underline dotted var(--pos); text-decoration-thickness: 2px; text-underline-offset: 3px; }\n.ages .p { border: 0; text-decoration: underline dotted var(--pos); text-decoration-thickness: 2px; text-underline-offset: 3px; }\n.ages { display: flex; flex-wrap: wrap; gap: .3rem .9rem; font-size: .8rem; color: var(--muted); margin: 0 0 .6rem; }\n.ages span { padding: 0 .4rem; border-radius: 3px; border: 1px solid var(--line); color: var(--ink); }\n.ages .a0 { background: var(--a0); } .ages .a1 { background: var(--a1); } .ages .a2 { background: var(--a2); }\n.ages .a3 { background: var(--a3); } .ages .a4 { background: var(--a4); }\n.dropped li { color: var(--muted); }\n.top { font-size: .85rem; }\n.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }\n@media (max-width: 40rem) { .map th.row { max-width: 10rem; } }\n@media print {\n  .map-wrap { overflow: visible; } .thread { break-before: page; } a { color: inherit; }\n  details { display: block; } details > summary { display: none; }\n  details::details-content { content-visibility: visible; display: block; }\n}\n</style>\n</head>\n<body>\n<main>\n<h1>'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</h1>\n<p class="sub">'
    yield escape(t_1((undefined(name='letters') if l_0_letters is missing else l_0_letters)))
    yield ' '
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_letters'))
    if (t_1((undefined(name='letters') if l_0_letters is missing else l_0_letters)) <= 8):
        pass
        yield ': '
        l_1_loop = missing
        for l_1_l, l_1_loop in LoopContext((undefined(name='letters') if l_0_letters is missing else l_0_letters), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_1_l, 'date'))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ' · '
        l_1_loop = l_1_l = missing
    yield '</p>\n\n<section aria-labelledby="map-h">\n<h2 id="map-h">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_map'))
    yield '</h2>\n<p class="intro">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_map_intro'))
    yield '</p>'
    if (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        pass
        yield '\n<div class="map-wrap">\n<table class="map">\n<thead><tr><th scope="col"><span class="vh">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_thread'))
        yield '</span></th>'
        for l_1_l in (undefined(name='letters') if l_0_letters is missing else l_0_letters):
            _loop_vars = {}
            pass
            yield '<th scope="col" title="'
            yield escape(environment.getattr(l_1_l, 'meeting'))
            yield '">'
            yield escape(environment.getattr(l_1_l, 'short'))
            yield '<span>'
            yield escape((environment.getitem(context.call(environment.getattr(environment.getattr(l_1_l, 'meeting'), 'split'), ', ', _loop_vars=_loop_vars), -1) if environment.getattr(l_1_l, 'meeting') else ''))
            yield '</span></th>'
        l_1_l = missing
        yield '</tr></thead>'
        for l_1_g in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
            _loop_vars = {}
            pass
            yield '\n<tbody>\n<tr><th class="topic" colspan="'
            yield escape((t_1((undefined(name='letters') if l_0_letters is missing else l_0_letters)) + 1))
            yield '" scope="colgroup">'
            yield escape(environment.getattr(l_1_g, 'name'))
            yield '</th></tr>'
            for l_2_r in environment.getattr(l_1_g, 'rows'):
                _loop_vars = {}
                pass
                yield '\n<tr><th class="row" scope="row"><a href="'
                yield escape(environment.getattr(l_2_r, 'href'))
                yield '" title="'
                yield escape(environment.getattr(l_2_r, 'title'))
                yield '">'
                yield escape(environment.getattr(l_2_r, 'title'))
                yield '</a><span class="span">'
                yield escape(environment.getattr(l_2_r, 'span'))
                yield '</span></th>'
                for l_3_c in environment.getattr(l_2_r, 'cells'):
                    _loop_vars = {}
                    pass
                    yield '<td>'
                    if l_3_c:
                        pass
                        yield '<a class="'
                        yield escape(environment.getattr(l_3_c, 'level'))
                        if environment.getattr(l_3_c, 'positions'):
                            pass
                            yield ' pos'
                        if environment.getattr(l_3_c, 'returned'):
                            pass
                            yield ' back'
                        yield '" href="'
                        yield escape(environment.getattr(l_3_c, 'href'))
                        yield '" title="'
                        yield escape(environment.getattr(l_3_c, 'tip'))
                        yield '">'
                        yield escape(environment.getattr(l_3_c, 'label'))
                        yield '</a>'
                    else:
                        pass
                        yield '<span class="gap" title="'
                        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_absent'))
                        yield '"></span>'
                    yield '</td>'
                l_3_c = missing
                yield '</tr>'
            l_2_r = missing
            yield '\n</tbody>'
        l_1_g = missing
        yield '\n</table>\n</div>\n<div class="legend"><span><i class="new" style="background: var(--new)"></i>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_new'))
        yield '</span><span><i style="background: var(--h0)"></i>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_unchanged'))
        yield '</span><span><i style="background: var(--h1)"></i><i style="background: var(--h2)"></i><i style="background: var(--h3)"></i><i style="background: var(--h4)"></i><i style="background: var(--h5)"></i>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_changed'))
        yield '</span><span>● '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_positions_changed'))
        yield '</span><span>↺ '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_returned'))
        yield '</span></div>'
    else:
        pass
        yield '\n<p>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_no_threads'))
        yield '</p>'
    yield '\n</section>'
    l_1_loop = missing
    for l_1_th, l_1_loop in LoopContext((undefined(name='threads') if l_0_threads is missing else l_0_threads), undefined):
        _loop_vars = {}
        pass
        yield '\n<section class="thread" id="'
        yield escape(environment.getattr(l_1_th, 'anchor'))
        yield '" aria-labelledby="'
        yield escape(environment.getattr(l_1_th, 'anchor'))
        yield '-h">\n<header>\n<h2 id="'
        yield escape(environment.getattr(l_1_th, 'anchor'))
        yield '-h">'
        yield escape(environment.getattr(l_1_th, 'title'))
        yield '</h2>\n<p>'
        for l_2_x in environment.getattr(l_1_th, 'topics'):
            _loop_vars = {}
            pass
            yield '<span class="chip" title="'
            yield escape(environment.getattr(l_2_x, 'score'))
            yield '%">'
            yield escape(environment.getattr(l_2_x, 'name'))
            yield '</span>'
        l_2_x = missing
        if environment.getattr(l_1_th, 'split_from'):
            pass
            yield ' · '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_split_from'))
            yield ' '
            if environment.getattr(l_1_th, 'split_href'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_1_th, 'split_href'))
                yield '">'
                yield escape(environment.getattr(l_1_th, 'split_from'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr(l_1_th, 'split_from'))
        if environment.getattr(l_1_th, 'merged_into'):
            pass
            yield ' · '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_merged_into'))
            yield ' '
            if environment.getattr(l_1_th, 'merged_href'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(l_1_th, 'merged_href'))
                yield '">'
                yield escape(environment.getattr(l_1_th, 'merged_into'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr(l_1_th, 'merged_into'))
        yield '</p>\n</header>\n<h3>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_titles'))
        yield '</h3>\n<ol class="titles">'
        for l_2_x in environment.getattr(l_1_th, 'titles'):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.getattr(l_2_x, 'href'))
            yield '">'
            yield escape(environment.getattr(l_2_x, 'title'))
            yield '</a> <small>('
            yield escape(environment.getattr(l_2_x, 'place'))
            yield ', '
            yield escape(environment.getattr(l_2_x, 'from'))
            if environment.getattr(l_2_x, 'until'):
                pass
                yield ' – '
                yield escape(environment.getattr(l_2_x, 'until'))
            yield ')</small></li>'
        l_2_x = missing
        yield '\n</ol>\n<h3>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_positions'))
        yield '</h3>\n<ol class="steps">'
        for l_2_a in environment.getattr(l_1_th, 'appearances'):
            _loop_vars = {}
            pass
            yield '\n<li class="'
            yield escape(environment.getattr(l_2_a, 'step'))
            yield '" id="'
            yield escape(environment.getattr(l_2_a, 'anchor'))
            yield '"><span class="when">'
            yield escape(environment.getattr(l_2_a, 'date'))
            yield '</span> · '
            yield escape(environment.getattr(l_2_a, 'title'))
            if environment.getattr(l_2_a, 'decision'):
                pass
                yield ' <span class="meta">['
                yield escape(environment.getattr(l_2_a, 'decision'))
                yield ']</span>'
            yield '\n<div class="meta">'
            yield escape(environment.getattr(l_2_a, 'place'))
            yield ' · '
            yield escape(environment.getattr(l_2_a, 'step_label'))
            if environment.getattr(l_2_a, 'show_share'):
                pass
                yield ' · '
                yield escape(environment.getattr(l_2_a, 'share'))
                yield ' '
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_share'))
            for l_3_x in environment.getattr(l_2_a, 'turns'):
                _loop_vars = {}
                pass
                yield '<span class="badge turn">'
                yield escape(l_3_x)
                yield '</span>'
            l_3_x = missing
            if environment.getattr(l_2_a, 'report'):
                pass
                yield ' · <a href="'
                yield escape(environment.getattr(l_2_a, 'report'))
                yield '">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_comparison'))
                yield '</a>'
            yield '</div>'
            if environment.getattr(l_2_a, 'changed'):
                pass
                yield '\n<ul class="pchanges">'
                for l_3_p in environment.getattr(l_2_a, 'changed'):
                    _loop_vars = {}
                    pass
                    yield '\n<li class="'
                    yield escape(environment.getattr(l_3_p, 'status'))
                    yield '"><span class="what">'
                    yield escape(environment.getattr(l_3_p, 'label'))
                    yield '</span>'
                    yield escape(context.call((undefined(name='chunks') if l_0_chunks is missing else l_0_chunks), environment.getattr(l_3_p, 'chunks'), _loop_vars=_loop_vars))
                    if environment.getattr(l_3_p, 'cues'):
                        pass
                        yield '<span class="cues">'
                        yield escape(environment.getattr(l_3_p, 'cues'))
                        yield '</span>'
                    if environment.getattr(l_3_p, 'origin'):
                        pass
                        yield '<span class="cues">'
                        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_from_topic'))
                        yield ' '
                        if environment.getattr(l_3_p, 'origin_href'):
                            pass
                            yield '<a href="'
                            yield escape(environment.getattr(l_3_p, 'origin_href'))
                            yield '">'
                            yield escape(environment.getattr(l_3_p, 'origin'))
                            yield '</a>'
                        else:
                            pass
                            yield escape(environment.getattr(l_3_p, 'origin'))
                        yield '</span>'
                    yield '</li>'
                l_3_p = missing
                yield '\n</ul>'
            if environment.getattr(l_2_a, 'same'):
                pass
                yield '\n<details><summary>'
                yield escape(t_1(environment.getattr(l_2_a, 'same')))
                yield ' '
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_positions_same'))
                yield '</summary><ul>'
                for l_3_s in environment.getattr(l_2_a, 'same'):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(l_3_s)
                    yield '</li>'
                l_3_s = missing
                yield '</ul></details>'
            elif (not environment.getattr(l_2_a, 'changed')):
                pass
                yield '\n<div class="meta">'
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_positions_none'))
                yield '</div>'
            yield '\n</li>'
        l_2_a = missing
        yield '\n</ol>\n<h3>'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_latest'))
        yield '</h3>\n<p class="intro">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_latest_intro'))
        yield '</p>\n<div class="ages">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_legend'))
        yield ': '
        for (l_2_age, l_2_date) in environment.getattr(l_1_th, 'legend'):
            _loop_vars = {}
            pass
            yield '<span class="a'
            yield escape(l_2_age)
            yield '">'
            yield escape(l_2_date)
            yield '</span>'
        l_2_age = l_2_date = missing
        yield '<span class="p">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_position_mark'))
        yield '</span></div>\n<div class="aged">'
        l_2_loop = missing
        for l_2_para, l_2_loop in LoopContext(environment.getattr(l_1_th, 'paragraphs'), undefined):
            _loop_vars = {}
            pass
            yield '\n<p>'
            l_3_loop = missing
            for l_3_s, l_3_loop in LoopContext(l_2_para, undefined):
                _loop_vars = {}
                pass
                yield '<span class="a'
                yield escape(environment.getattr(l_3_s, 'age'))
                if environment.getattr(l_3_s, 'position'):
                    pass
                    yield ' p'
                yield '" title="'
                yield escape(environment.getattr(l_3_s, 'tip'))
                yield '">'
                yield escape(environment.getattr(l_3_s, 'text'))
                yield '</span>'
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    yield ' '
            l_3_loop = l_3_s = missing
            yield '</p>'
        l_2_loop = l_2_para = missing
        yield '\n</div>'
        if environment.getattr(l_1_th, 'dropped'):
            pass
            yield '\n<details class="dropped"><summary>'
            yield escape(t_1(environment.getattr(l_1_th, 'dropped')))
            yield ' · '
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_dropped'))
            yield '</summary><ul>'
            for l_2_s in environment.getattr(l_1_th, 'dropped'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_2_s, 'text'))
                yield ' <span class="meta">('
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_dropped_in'))
                yield ' '
                yield escape(environment.getattr(l_2_s, 'dropped'))
                yield '; '
                yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_introduced'))
                yield ' '
                yield escape(environment.getattr(l_2_s, 'introduced'))
                yield ')</span></li>'
            l_2_s = missing
            yield '\n</ul></details>'
        yield '\n<p class="top"><a href="#map-h">↑ '
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tl_map'))
        yield '</a></p>\n</section>'
    l_1_loop = l_1_th = missing
    yield '\n</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '3=25&4=30&5=33&6=38&7=49&12=57&17=59&18=61&117=63&118=65&121=81&122=83&123=85&126=88&127=90&128=102&130=106&131=110&132=114&133=122&139=155&141=168&145=172&146=176&148=180&149=184&150=193&151=208&153=224&155=226&157=244&159=246&160=250&161=263&162=287&164=290&165=294&166=304&170=323&171=326&172=338&173=341&178=346&179=348&180=350&182=365&183=370&186=390&187=393&188=397&191=414'
