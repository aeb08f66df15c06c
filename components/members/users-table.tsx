"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { listMembersAction } from "@/lib/actions/members";
import type { Role } from "@/db/schema";
import { Badge } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { roleLabels, roles } from "@/lib/authz/policy";
import type { MemberRow, MembersPage } from "@/lib/domain/members/list-members";
import type { MemberSort } from "@/lib/validation/members";
import { BulkResultPanel, type BulkResult } from "./bulk-result";
import { BulkSeatsToolbar, type BulkMode } from "./bulk-seats-toolbar";
import { formatDate, tokenLabel } from "./format";
import { MemberActions } from "./member-actions";
import { SeatSummary } from "./seat-summary";
import { useMemberMutations } from "./use-member-mutations";

type Params = { q: string; role: string; seat: string; sort: MemberSort; dir: "asc" | "desc"; page: number };
const defaults: Params = { q: "", role: "", seat: "", sort: "name", dir: "asc", page: 1 };
const PAGE_SIZE = 25;

const selectClass =
  "h-9 rounded-md border-0 bg-white px-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

export function UsersTable(props: {
  orgId: string;
  currentUserId: string;
  canManage: boolean;
  canSeeSubscription: boolean;
  initial: MembersPage;
}) {
  const { orgId, canManage } = props;
  const [params, setParams] = useState<Params>(defaults);
  const [search, setSearch] = useState("");
  const [mode, setMode] = useState<BulkMode>(null);
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [bulkResult, setBulkResult] = useState<BulkResult | null>(null);
  const { handlers, bulk } = useMemberMutations(orgId, setBulkResult);

  // Debounced search: typing does not send a request per key.
  useEffect(() => {
    const timer = setTimeout(() => setParams((p) => (p.q === search.trim() ? p : { ...p, q: search.trim(), page: 1 })), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const isDefault = JSON.stringify(params) === JSON.stringify(defaults);
  const query = useQuery({
    queryKey: ["members", orgId, params],
    queryFn: async () => {
      const { q, sort, dir, page } = params;
      const result = await listMembersAction(orgId, {
        q,
        sort,
        dir,
        page,
        pageSize: PAGE_SIZE,
        role: (params.role || undefined) as Role | undefined,
        seat: (params.seat || undefined) as "yes" | "no" | undefined,
      });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: isDefault ? props.initial : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? props.initial;

  const set = (patch: Partial<Params>) => setParams((p) => ({ ...p, page: 1, ...patch }));
  const sortBy = (sort: MemberSort) => set({ sort, dir: params.sort === sort && params.dir === "asc" ? "desc" : "asc" });

  const eligible = useMemo(() => (mode ? data.rows.filter((r) => (mode === "assign" ? !r.seat : r.seat)) : []), [data.rows, mode]);
  const toggle = (m: MemberRow, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(m.userId, m.name);
      else next.delete(m.userId);
      return next;
    });
  const allOnPage = eligible.length > 0 && eligible.every((r) => selected.has(r.userId));
  const exitBulk = () => {
    setMode(null);
    setSelected(new Map());
  };

  const from = data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1;
  const to = Math.min(data.page * data.pageSize, data.total);

  const sortHeader = (label: string, sort: MemberSort) => (
    <Th aria-sort={params.sort === sort ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <button type="button" onClick={() => sortBy(sort)} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900">
        {label}
        {params.sort === sort &&
          (params.dir === "asc" ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden />)}
      </button>
    </Th>
  );

  return (
    <div>
      {canManage && data.seats && (
        <div className="mb-4">
          <SeatSummary seats={data.seats} orgId={orgId} linkToSubscription={props.canSeeSubscription} />
        </div>
      )}
      {bulkResult && <BulkResultPanel result={bulkResult} orgId={orgId} onClose={() => setBulkResult(null)} />}

      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="member-search" className="mb-1 block text-sm font-medium text-zinc-800">
            Search members
          </label>
          <Input id="member-search" type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div>
          <label htmlFor="member-role" className="mb-1 block text-sm font-medium text-zinc-800">
            Role
          </label>
          <select id="member-role" className={selectClass} value={params.role} onChange={(e) => set({ role: e.target.value })}>
            <option value="">All roles</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="member-seat" className="mb-1 block text-sm font-medium text-zinc-800">
            Seat
          </label>
          <select id="member-seat" className={selectClass} value={params.seat} onChange={(e) => set({ seat: e.target.value })}>
            <option value="">Any</option>
            <option value="yes">With a seat</option>
            <option value="no">Without a seat</option>
          </select>
        </div>
        {canManage && (
          <BulkSeatsToolbar
            mode={mode}
            selectedCount={selected.size}
            onStart={(m) => {
              setMode(m);
              setSelected(new Map());
            }}
            onCancel={exitBulk}
            onConfirm={async () => {
              if (mode && (await bulk(mode, [...selected.keys()]))) exitBulk();
            }}
          />
        )}
      </div>

      <p aria-live="polite" className="sr-only">
        {query.isFetching ? "Loading members…" : `${data.total} members found.`}
      </p>
      <Table aria-label="Members" aria-busy={query.isFetching}>
        <THead>
          <tr>
            {mode && (
              <Th>
                <Checkbox
                  aria-label="Select all on this page"
                  checked={allOnPage}
                  disabled={eligible.length === 0}
                  onChange={(e) => eligible.forEach((r) => toggle(r, e.target.checked))}
                />
              </Th>
            )}
            {sortHeader("Name", "name")}
            {sortHeader("Email", "email")}
            {sortHeader("Role", "role")}
            {sortHeader("Seat", "seat")}
            {sortHeader("Joined", "joined")}
            <Th>Token</Th>
            <Th>2FA</Th>
            {canManage && (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </THead>
        <TBody>
          {data.rows.length === 0 && (
            <tr>
              <Td colSpan={9} className="py-8 text-center text-zinc-600">
                No members match.
              </Td>
            </tr>
          )}
          {data.rows.map((m) => {
            const isSelf = m.userId === props.currentUserId;
            const canSelect = mode === "assign" ? !m.seat && m.active : mode === "revoke" ? m.seat : false;
            return (
              <tr key={m.userId}>
                {mode && (
                  <Td>
                    {canSelect && (
                      <Checkbox
                        aria-label={`Select ${m.name}`}
                        checked={selected.has(m.userId)}
                        onChange={(e) => toggle(m, e.target.checked)}
                      />
                    )}
                  </Td>
                )}
                <Td className="font-medium text-zinc-900">
                  {m.name}
                  {isSelf && <span className="ml-1 text-xs font-normal text-zinc-600">(you)</span>}
                  {!m.active && <Badge className="ml-2 bg-zinc-100 text-zinc-700">Inactive</Badge>}
                </Td>
                <Td>{m.email ?? <span className="text-zinc-600">managed by the organization</span>}</Td>
                <Td>
                  <Badge
                    className={
                      m.role === "admin"
                        ? "bg-indigo-50 text-indigo-800"
                        : m.role === "billing_manager"
                          ? "bg-amber-50 text-amber-900"
                          : undefined
                    }
                  >
                    {roleLabels[m.role]}
                  </Badge>
                </Td>
                <Td>{m.seat ? "Yes" : "No"}</Td>
                <Td className="whitespace-nowrap">{formatDate(m.joinedAt)}</Td>
                <Td className="whitespace-nowrap">{tokenLabel(m.token)}</Td>
                <Td>{m.email === null ? <span className="text-zinc-600">Exempt</span> : m.twoFactor ? "On" : "Off"}</Td>
                {canManage && (
                  <Td className="text-right">
                    <MemberActions member={m} isSelf={isSelf} handlers={handlers} />
                  </Td>
                )}
              </tr>
            );
          })}
        </TBody>
      </Table>
      {query.isError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {(query.error as Error).message}
        </p>
      )}
      <Pagination
        from={from}
        to={to}
        total={data.total}
        onPrevious={data.page > 1 ? () => setParams((p) => ({ ...p, page: p.page - 1 })) : undefined}
        onNext={to < data.total ? () => setParams((p) => ({ ...p, page: p.page + 1 })) : undefined}
      />
    </div>
  );
}
