"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
  return (
    <QueryClientProvider client={client}>
      {children}
      {/* Default (not rich) colours: rich ones fail WCAG contrast. */}
      <Toaster position="top-right" closeButton />
    </QueryClientProvider>
  );
}
