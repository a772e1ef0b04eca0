import type { Metadata } from "next";
import { signedInCaller } from "@/server/trpc/server";
import { AbsenceList } from "./absence-list";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const caller = await signedInCaller();
  const [profile, absences] = await Promise.all([caller.profile.get(), caller.profile.absences()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Profile</h1>
          <p>
            {profile.name} · {profile.email}. Your time zone, working pattern and absences decide your scheduled time,
            and so your share.
          </p>
        </div>
      </div>
      <div className="grid cols-2 profile-grid">
        <section className="card" aria-labelledby="pattern-heading">
          <h2 id="pattern-heading">Working pattern</h2>
          <ProfileForm initial={profile} />
        </section>
        <section className="card" aria-labelledby="absences-heading">
          <h2 id="absences-heading">Absences</h2>
          <AbsenceList initial={absences} timeZone={profile.timeZone} />
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <PasswordForm />
        </section>
      </div>
    </>
  );
}
