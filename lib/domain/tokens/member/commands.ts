import { config } from "@/lib/config";

/** The channel a fresh checkout serves (channels/sample); CHANNELS_DIR may hold others. */
export const defaultChannel = () => config().defaultChannel;

/** The commands shown with a new token (page and email): conda's channel_alias and a plain curl. */
export function tokenCommands(appUrl: string, token: string, channel = defaultChannel()) {
  const base = `${appUrl}/t/${token}`;
  return {
    channelAlias: base,
    condaCommand: `conda config --set channel_alias ${base}`,
    condaInstall: `conda install -c ${channel} <package>`,
    curlCommand: `curl -fsSLO ${base}/${channel}/noarch/repodata.json`,
  };
}
