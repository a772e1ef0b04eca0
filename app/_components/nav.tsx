"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

const LINKS = [
  { href: "/", label: "My work", icon: "◔" },
  { href: "/reports", label: "Team reports", icon: "▤" },
  { href: "/rotations", label: "Rotations", icon: "↻" },
  { href: "/settings", label: "Settings", icon: "⚙" },
] as const;

// The engineer's own pages, grouped after the four sections so the main ones keep their tab order.
const MY_LINKS = [
  { href: "/week", label: "My week", icon: "▦" },
  { href: "/share", label: "My share", icon: "◑" },
  { href: "/profile", label: "Profile", icon: "☺" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The main navigation: a sidebar on wide screens, a menu behind one button on phones (see globals.css). */
export function Nav() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const item = (link: { href: string; label: string; icon: string }) => (
    <Link
      key={link.href}
      href={link.href}
      aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
      onClick={() => setOpen(false)}
    >
      <span className="nav-icon" aria-hidden="true">
        {link.icon}
      </span>
      {link.label}
    </Link>
  );
  return (
    <nav className={`nav${open ? " is-open" : ""}`} aria-label="Main">
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="nav-links"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span> Menu
      </button>
      <div className="nav-links" id="nav-links">
        {LINKS.map(item)}
        <div className="nav-group" role="group" aria-labelledby="nav-mine">
          <span className="nav-caption" id="nav-mine">
            Yours
          </span>
          {MY_LINKS.map(item)}
        </div>
      </div>
    </nav>
  );
}
