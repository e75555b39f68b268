import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./shell.css";
import "@/components/ui/ui.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "kt Console", template: "%s · kt Console" },
  description: "Govern how your teams use LLMs: policies, gateways, events, costs and escalations.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
