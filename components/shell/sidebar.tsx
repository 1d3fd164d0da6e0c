'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { MessagesSquare } from 'lucide-react';
import { cn } from '@/lib/utils';
import { visibleNav } from '@/components/shell/nav-items';

export function Sidebar({ permissions, onNavigate }: { permissions: string[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const groups = visibleNav(new Set(permissions));
  // The most specific item wins: /automation/runs lights up "Runs", not also "Workflows" (/automation).
  const activeHref = groups
    .flatMap((g) => g.items.map((i) => i.href))
    .filter((href) => pathname === href || pathname.startsWith(href + '/'))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="flex h-full flex-col gap-5 overflow-y-auto px-3 py-4">
      <Link href="/" className="flex items-center gap-2 px-2 text-base font-semibold tracking-tight" onClick={onNavigate}>
        <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
          <MessagesSquare className="size-4" />
        </span>
        Parley
      </Link>
      {groups.map((g) => (
        <div key={g.label ?? 'top'} className="space-y-0.5">
          {g.label ? <p className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground">{g.label}</p> : null}
          <ul className="space-y-0.5">
            {g.items.map((item) => {
              const active = item.href === activeHref;
              const Icon = item.icon;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-muted hover:text-foreground',
                      active && 'bg-accent font-medium text-accent-foreground hover:bg-accent hover:text-accent-foreground',
                    )}
                  >
                    <Icon className="size-4" />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
