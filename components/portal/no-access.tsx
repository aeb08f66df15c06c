import { EmptyState } from "@/components/ui/card";

export function NoAccess({ children }: { children: React.ReactNode }) {
  return <EmptyState title="You do not have access to this page">{children}</EmptyState>;
}
