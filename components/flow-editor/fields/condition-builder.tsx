'use client';

import { useState } from 'react';
import { buildCondition, CONDITION_KINDS, defaultCondition, parseCondition, type Condition } from '@/lib/automation/graph/condition-kinds';
import { scriptOf } from '@/lib/automation/graph/describe-condition';
import { Input, Select } from '@/components/ui/input';
import { WINDOWS_TIME_ZONES } from '@/lib/automation/script/time-zones';
import { ScriptInput } from './script-input';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// Windows' own order: by offset, then by name; the option shows the display name and stores the id scripts take.
const ZONES = [...WINDOWS_TIME_ZONES].sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.name.localeCompare(b.name, 'en'));

/** Builds one branch condition of the five kinds the reference lists; custom is a script editor. */
/** A time input gives HH:mm when the seconds are zero; scripts compare HH:mm:ss. */
const withSeconds = (time: string) => (time.length === 5 ? `${time}:00` : time);

export function ConditionBuilder({ id, value, onChange, trigger }: { id: string; value: string; onChange: (v: string) => void; trigger: string }) {
  // The condition as last chosen here. Read back from its script alone, a kind could not be chosen
  // whose script reads as another: "Custom condition" starts from the current script, which parses
  // as that kind again, and snapped back; a value half typed would flip the kind to custom. A
  // script changed elsewhere (undo, another path removed) is read afresh.
  const [chosen, setChosen] = useState<{ script: string; condition: Condition } | null>(null);
  const c = chosen && chosen.script === value ? chosen.condition : parseCondition(value);
  const set = (next: Condition) => {
    const script = buildCondition(next);
    setChosen({ script, condition: next });
    onChange(script);
  };
  const setCustom = (script: string) => {
    setChosen({ script, condition: { kind: 'custom', script: scriptOf(script) } });
    onChange(script);
  };
  const small = 'h-8 px-2 text-xs';
  return (
    <div className="space-y-1.5" data-testid={`condition-${id}`}>
      <Select
        aria-label="Condition kind"
        className={small}
        value={c.kind}
        onChange={(e) => set(defaultCondition(e.target.value as Condition['kind'], c, trigger))}
      >
        {CONDITION_KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </Select>
      {c.kind !== 'custom' ? (
        <>
          <ScriptInput
            label="Value to check"
            mode="script"
            value={c.value}
            placeholder="data.payload.content.text"
            onChange={(v) => set({ ...c, value: v.replace(/^\{\{|\}\}$/g, '') })}
          />
          {c.kind === 'contains' ? (
            <div className="flex items-center gap-2">
              <Input
                aria-label="Keyword"
                className={small}
                placeholder="Keyword to compare"
                value={c.keyword}
                onChange={(e) => set({ ...c, keyword: e.target.value })}
              />
              <label className="flex shrink-0 items-center gap-1 text-xs">
                <input type="checkbox" checked={c.ignoreCase} onChange={(e) => set({ ...c, ignoreCase: e.target.checked })} /> any case
              </label>
            </div>
          ) : null}
          {c.kind === 'country' ? (
            <Input
              aria-label="Country code"
              className={small}
              placeholder="SG"
              maxLength={2}
              value={c.country}
              onChange={(e) => set({ ...c, country: e.target.value.toUpperCase() })}
            />
          ) : null}
          {c.kind === 'timeOfDay' ? (
            <div className="grid grid-cols-2 gap-1.5">
              <Input
                aria-label="From"
                type="time"
                step={1}
                className={small}
                value={c.from}
                onChange={(e) => set({ ...c, from: withSeconds(e.target.value) })}
              />
              <Input aria-label="To" type="time" step={1} className={small} value={c.to} onChange={(e) => set({ ...c, to: withSeconds(e.target.value) })} />
              <Select aria-label="Time zone" className={`${small} col-span-2`} value={c.timeZone} onChange={(e) => set({ ...c, timeZone: e.target.value })}>
                {!ZONES.some((z) => z.id === c.timeZone) ? <option value={c.timeZone}>{c.timeZone}</option> : null}
                {ZONES.map((z) => (
                  <option key={z.id} value={z.id} title={z.id}>
                    {z.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {c.kind === 'dayOfWeek' ? (
            <Select
              aria-label="Day"
              className={small}
              value={DAYS.find((d) => d.toLowerCase() === c.day.toLowerCase()) ?? c.day}
              onChange={(e) => set({ ...c, day: e.target.value })}
            >
              {DAYS.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </Select>
          ) : null}
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={c.negate} onChange={(e) => set({ ...c, negate: e.target.checked })} />{' '}
            {c.kind === 'timeOfDay' ? 'outside this time' : 'is not'}
          </label>
        </>
      ) : (
        <ScriptInput
          id={`${id}-script`}
          label="Condition script"
          mode="script"
          value={value}
          onChange={setCustom}
          placeholder="{{data.reply1.payload.content.text == '1'}}"
        />
      )}
    </div>
  );
}
