# Writes test/fixtures/invalid/<case>.yaml: each case is the minimal valid report with one
# defect. Run from packages/model: python3 scripts/make-invalid-fixtures.py
# The expectations (code, path, line) live in test/fixtures/invalid/cases.json.
import pathlib

base = pathlib.Path('test/fixtures/valid/minimal.yaml').read_text()
out = pathlib.Path('test/fixtures/invalid')

def rep(old, new, nth=1):
    def f(s):
        i = -1
        for _ in range(nth):
            i = s.index(old, i + 1)
        return s[:i] + new + s[i + len(old):]
    return f

def BS(rows):
    return ('      - id: balans\n        title: Balansräkning\n        unit: tkr\n        role: balanceSheet\n        rowHeader: Post\n        columns:\n'
            '          - { key: utfall, label: 31 aug 2022, kind: outcome, year: 2022 }\n        rows:\n' + rows)

def CF(rows):
    return ('      - id: kassaflode\n        title: Kassaflödesanalys\n        unit: tkr\n        role: cashFlow\n        rowHeader: Post\n        columns:\n'
            '          - { key: utfall, label: Jan–aug 2022, kind: outcome, year: 2022 }\n        rows:\n' + rows)

cases = {
    'yaml-unclosed-quote': rep('title: Delårsrapport 2 2022', 'title: "Delårsrapport 2 2022'),
    'yaml-unclosed-flow': rep('responsible: [KS, SBN]', 'responsible: [KS, SBN'),
    'yaml-tab-indent': rep('  year: 2022\n  label:', '\tyear: 2022\n  label:'),
    'yaml-duplicate-key': rep('language: sv\n', 'language: sv\nlanguage: en\n'),
    'alias-bomb': lambda s: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
    'empty-file': lambda s: '# nothing here yet\n',
    'root-is-list': lambda s: '- id: rapport\n- kind: interim\n',
    'headcount-as-text': rep('total: 102', 'total: "102"'),
    'responsible-not-list': rep('responsible: [KS, SBN]', 'responsible: KS'),
    'boolean-as-text': rep('higherIsBetter: true', 'higherIsBetter: ja'),
    'kommunkod-unquoted': rep('code: "0999"', 'code: 0999'),
    'misspelt-top-key': rep('title: Delårsrapport 2 2022', 'titel: Delårsrapport 2 2022'),
    'misspelt-responsible': rep('responsible:\n', 'resposible:\n'),
    'unknown-key-period': rep('  end: 2022-08-31\n', '  end: 2022-08-31\n  quarter: 3\n'),
    'misspelt-value-total': rep('total: 72', 'totla: 72'),
    'bad-report-kind': rep('kind: interim', 'kind: interm'),
    'bad-unit': rep('unit: index', 'unit: procent'),
    'bad-section-type': rep('type: perspective', 'type: perspektiv'),
    'missing-section-type': rep('    type: workforce\n', ''),
    'missing-goal-title': rep('            title: Företagsklimatet ska förbättras\n', ''),
    'missing-summary': rep('summary: Verksamheten går *i stort sett* enligt plan.\n', ''),
    'bad-id': rep('id: naringsliv', 'id: Näringsliv'),
    'bad-date': rep('end: 2022-08-31', 'end: 2022-08-32'),
    'nan-value': rep('total: 72', 'total: .nan'),
    'bad-preset': rep('governance: eskilstuna', 'governance: eskilstun'),
    'unknown-assessment': rep('assessment: partly', 'assessment: partially'),
    'unknown-status': rep('status: done', 'status: klart'),
    'unknown-completion': rep('completion: p20', 'completion: p50'),
    'duplicate-commitment-id': rep('id: kompetens', 'id: detaljplaner'),
    'duplicate-section-id': rep('id: personalindikatorer', 'id: medarbetare'),
    'unresolved-responsible': rep('responsible: [KS, SBN]', 'responsible: [KS, SNB]'),
    'sum-mismatch': rep('values: { utfall: -4000,', 'values: { utfall: -4100,'),
    'sumof-unresolved': rep('            kind: total\n', '            kind: total\n            sumOf: [intakter, kostnad]\n'),
    'value-unknown-column': rep('values: { prognos: -5.8 }', 'values: { prognos: -5.8, utfall: -3.9 }'),
    'difference-mismatch': lambda s: rep('prognos: -7700, avvikelse: -100', 'prognos: -7700, avvikelse: -300')(rep('prognos: 1900, avvikelse: -100', 'prognos: 1900, avvikelse: 100')(s)),
    'deviation-sum-mismatch': rep('amount: -100', 'amount: -150', 2),
    'headcount-gender-sum': rep('men: 35', 'men: 36'),
    'indicator-gender-sum': rep('women: 67', 'women: 66', 2),
    'percent-over-100': rep('total: 4.5\n                women: 5.5', 'total: 145\n                women: 5.5'),
    'sick-leave-negative': rep('men: 2.4', 'men: -2.4'),
    'outcome-after-period': rep('- year: 2023\n                    kind: target', '- year: 2023\n                    kind: outcome'),
    'column-after-period': rep('kind: forecast\n            year: 2022', 'kind: forecast\n            year: 2023'),
    'unit-slip': rep('values: { prognos: -5.8 }', 'values: { prognos: -5800 }'),
    'statement-figure-mismatch': rep('values: { prognos: -5.8 }', 'values: { prognos: -6.4 }'),
    'figure-mismatch': lambda s: rep('role: incomeStatement', 'role: headline')(rep('values: { prognos: -5.8 }', 'values: { prognos: -6.4 }')(s)),
    'sign-contradicts-kind': rep('            label: Kostnader\n            kind: item', '            label: Kostnader\n            key: verksamhetens-intakter\n            kind: item'),
    'formula-mismatch': rep('            kind: total\n', '            kind: total\n            formula: intakter - kostnader\n'),
    'formula-invalid': rep('            kind: total\n', '            kind: total\n            formula: intakter plus kostnader\n'),
    'heading-with-values': rep('        rows:\n          - id: intakter', '        rows:\n          - id: rubrik\n            label: Rubrik\n            kind: heading\n            values: { utfall: 1 }\n          - id: intakter'),
    'balance-sheet-unbalanced': rep('      - id: nyckeltal\n', BS('          - { id: tillgangar, label: Summa tillgångar, key: summa-tillgangar, values: { utfall: 100 } }\n          - { id: skulder, label: Summa eget kapital och skulder, key: summa-eget-kapital-avsattningar-och-skulder, values: { utfall: 97 } }\n') + '      - id: nyckeltal\n'),
    'result-mismatch': lambda s: rep('            label: Resultat\n            kind: total', '            label: Resultat\n            key: arets-resultat\n            kind: total')(rep('      - id: nyckeltal\n', BS('          - { id: resultat, label: Årets resultat, key: arets-resultat, values: { utfall: -3000 } }\n') + '      - id: nyckeltal\n')(s)),
    'cash-flow-mismatch': rep('      - id: nyckeltal\n', BS('          - { id: kassa, label: Kassa och bank, key: likvida-medel, values: { utfall: 50 } }\n') + CF('          - { id: slut, label: Likvida medel vid periodens slut, key: likvida-medel-vid-periodens-slut, values: { utfall: 60 } }\n') + '      - id: nyckeltal\n'),
    'missing-value-reason': rep('                    missing: Mätning senare under 2022\n', ''),
    'sameas-unresolved': rep('resultatrakning.resultat.prognos', 'resultatrakning.resultat.prognoz'),
    'period-reversed': rep('start: 2022-01-01', 'start: 2022-09-01'),
    'deviation-unit-slip': rep('deviation: -200', 'deviation: -200000'),
}

for name, f in cases.items():
    text = f(base)
    if text == base:
        raise SystemExit(f'{name}: no change')
    if name not in ('alias-bomb', 'empty-file', 'root-is-list'):
        text = text.replace('# A small valid report used as the base of the test fixtures (not a real report).', f'# Invalid case "{name}": the minimal report with one defect (see cases.json).', 1)
    (out / f'{name}.yaml').write_text(text)
print(len(cases), 'cases')
