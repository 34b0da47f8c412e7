# fish completion for arena, generated from its picocli commands by
# dev.arena.cli.CompletionScript; do not edit (a test checks it is current).
# Install: copy it to ~/.config/fish/completions/arena.fish

# The subcommand typed so far ("models show"), "" for none: each word that extends a
# known subcommand path is taken, so option values in between are passed over.
function __arena_command
    set -l known 'chat' 'debate' 'demo' 'models' 'models show' 'tournament' 'leaderboard' 'replay' 'logs' 'logs path' 'logs status' 'logs on' 'logs off' 'logs show' 'logs export'
    set -l path
    for word in (commandline -opc)[2..-1]
        set -l next (string trim -- "$path $word")
        if contains -- $next $known
            set path $next
        end
    end
    echo $path
end

function __arena_is --description 'true when the subcommand typed so far is exactly the argument'
    set -l command (__arena_command)
    test "$command" = "$argv"
end

# Model ids come from the newest models-*.json under $XDG_CACHE_HOME/arena (default
# ~/.cache/arena), which any 'arena models' or checked chat/debate leaves; aliases from
# arena's built-in table and the alias.NAME lines of the config file. Only shell tools
# run. After a comma (--fallback a,b), the ids follow what the comma ends.
function __arena_model_ids
    set -l cache $HOME/.cache
    string match -q -- '/*' "$XDG_CACHE_HOME"; and set cache $XDG_CACHE_HOME
    set -l config $HOME/.config
    string match -q -- '/*' "$XDG_CONFIG_HOME"; and set config $XDG_CONFIG_HOME
    set -l head (string match -r -- '^.*,' (commandline -ct))
    set -l files $cache/arena/models-*.json
    begin
        if set -q files[1]
            set -l newest (ls -t $files | head -n 1)
            grep -o '"id": *"[^"]*"' $newest 2>/dev/null | sed 's/^"id": *"//; s/"$//'
        end
        printf '%s\n' 'gpt-4o' 'gpt-4o-mini' 'claude-sonnet' 'gemini-pro' 'llama-3.3-70b' 'mistral-large' 'deepseek-chat' 'deepseek-v3' 'deepseek-r1'
        if test -r $config/arena/config.properties
            sed -n 's/^[[:space:]]*alias\.\([^=[:space:]]*\)[[:space:]]*=.*/\1/p' $config/arena/config.properties
        end
    end | string replace -r -- '^' "$head"
end

complete -c arena -e
# Files complete only where a value is one.
complete -c arena -f

# arena
complete -c arena -n '__arena_is ' -a 'chat' -d 'Ask one model, streaming its answer as it arrives'
complete -c arena -n '__arena_is ' -a 'debate' -d 'Two models debate a topic through rounds, streamed live; a third model may judge'
complete -c arena -n '__arena_is ' -a 'demo' -d 'A scripted debate, to see arena at work before you have a key: two rounds and a judge, streamed live, with one turn that fails and falls back'
complete -c arena -n '__arena_is ' -a 'models' -d 'List the models of the server (OpenRouter, or any OpenAI-compatible server), with context length and prices per million tokens'
complete -c arena -n '__arena_is ' -a 'tournament' -d 'Many models debate many motions: every pair on every motion, twice with the sides swapped, judged by a panel, then rated (Bradley-Terry, with bootstrap intervals)'
complete -c arena -n '__arena_is ' -a 'leaderboard' -d 'Print the ratings of a tournament: the one run most recently, the ones named (their results pooled), or --all of them'
complete -c arena -n '__arena_is ' -a 'replay' -d 'Play a stored debate or chat conversation back at its recorded pace, as it was shown live'
complete -c arena -n '__arena_is ' -a 'logs' -d 'List what the store recorded: one line per chat conversation or debate, the latest last'
complete -c arena -n '__arena_is ' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is ' -s V -l version -d 'Print version information and exit'

# arena chat
complete -c arena -n '__arena_is chat' -s m -l model -x -a '(__arena_model_ids)' -d 'Model id (default: openai/gpt-4o-mini)'
complete -c arena -n '__arena_is chat' -l fallback -x -a '(__arena_model_ids)' -d 'Models to try, in order, when the model fails, comma-separated'
complete -c arena -n '__arena_is chat' -s s -l system -x -d 'System prompt'
complete -c arena -n '__arena_is chat' -l temperature -x -d 'Sampling temperature, 0 to 2'
complete -c arena -n '__arena_is chat' -l max-tokens -x -d 'Longest answer, in tokens'
complete -c arena -n '__arena_is chat' -l seed -x -d 'Seed for sampling, where the model supports it'
complete -c arena -n '__arena_is chat' -s c -l continue -d 'Go on from the last chat conversation (with a prompt, or interactively)'
complete -c arena -n '__arena_is chat' -l session -x -d 'Go on from the session NAME, or start it if there is none'
complete -c arena -n '__arena_is chat' -l cid -x -d 'Go on from the chat conversation with this id, or a unique prefix of it (arena logs lists them)'
complete -c arena -n '__arena_is chat' -l base-url -x -d 'OpenAI-compatible API base URL'
complete -c arena -n '__arena_is chat' -l api-key-file -r -F -d 'Read the API key from FILE instead of $OPENROUTER_API_KEY'
complete -c arena -n '__arena_is chat' -l idle-timeout -x -d 'Give up on a model that sends nothing for this long, such as 30s or 2m (default: 120s)'
complete -c arena -n '__arena_is chat' -l retries -x -d 'Retries per model before falling back to the next one, 0 to 100 (default: 2)'
complete -c arena -n '__arena_is chat' -l rate-limit -x -d 'Requests allowed per model, such as 20/min, or openai/gpt-4o=5/min for one model; repeatable (default: 10/min)'
complete -c arena -n '__arena_is chat' -l debug -d 'Log requests and responses (each streamed event cut at 500 characters, the key redacted) and show stack traces, on stderr'
complete -c arena -n '__arena_is chat' -l json -d 'Write JSON Lines events to stdout instead of text'
complete -c arena -n '__arena_is chat' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is chat' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is chat' -l raw -d 'On a terminal, show the model\'s Markdown as it came, unstyled (still wrapped at words)'
complete -c arena -n '__arena_is chat' -l no-validate -d 'Do not check the model ids against the server\'s model list before the first request'
complete -c arena -n '__arena_is chat' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
complete -c arena -n '__arena_is chat' -l no-log -d 'Keep no record of this run in the store'
complete -c arena -n '__arena_is chat' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is chat' -s V -l version -d 'Print version information and exit'

# arena debate
complete -c arena -n '__arena_is debate' -l pro -x -a '(__arena_model_ids)' -d 'Model arguing for the topic (default: openai/gpt-4o-mini)'
complete -c arena -n '__arena_is debate' -l con -x -a '(__arena_model_ids)' -d 'Model arguing against the topic (default: deepseek/deepseek-chat)'
complete -c arena -n '__arena_is debate' -l rounds -x -d 'Rounds, 1 to 50 (default: 3)'
complete -c arena -n '__arena_is debate' -l temperature -x -d 'Sampling temperature for the fighters, 0 to 2 (default: 0.8)'
complete -c arena -n '__arena_is debate' -l max-tokens -x -d 'Longest turn, in tokens (default: 500)'
complete -c arena -n '__arena_is debate' -l seed -x -d 'Seed for sampling, where the models support it'
complete -c arena -n '__arena_is debate' -l fallback -x -a '(__arena_model_ids)' -d 'Fallback models for both sides'
complete -c arena -n '__arena_is debate' -l pro-fallback -x -a '(__arena_model_ids)' -d 'Fallback models for Pro (tried before --fallback)'
complete -c arena -n '__arena_is debate' -l con-fallback -x -a '(__arena_model_ids)' -d 'Fallback models for Con (tried before --fallback)'
complete -c arena -n '__arena_is debate' -l system-pro -x -d 'Persona for Pro\'s system prompt'
complete -c arena -n '__arena_is debate' -l system-con -x -d 'Persona for Con\'s system prompt'
complete -c arena -n '__arena_is debate' -l stance-file -r -F -d 'File with a [pro] and a [con] section holding each side\'s persona'
complete -c arena -n '__arena_is debate' -l judge -x -a '(__arena_model_ids)' -d 'Judge the debate with this model (more, comma-separated, are its fallbacks)'
complete -c arena -n '__arena_is debate' -l no-judge -d 'No judge for this run, whatever the config file or $ARENA_JUDGE says (like --judge \'\')'
complete -c arena -n '__arena_is debate' -s o -l out -r -F -d 'Write the transcript to FILE as it happens; its extension md, json or jsonl gives the format'
complete -c arena -n '__arena_is debate' -l format -x -a 'md json jsonl' -d 'Transcript format, when the --out extension does not say'
complete -c arena -n '__arena_is debate' -l force -d 'Overwrite the --out file when it exists and is not empty'
complete -c arena -n '__arena_is debate' -l dry-run -d 'Print the requests that would be sent (key redacted); needs no key or network'
complete -c arena -n '__arena_is debate' -l base-url -x -d 'OpenAI-compatible API base URL'
complete -c arena -n '__arena_is debate' -l api-key-file -r -F -d 'Read the API key from FILE instead of $OPENROUTER_API_KEY'
complete -c arena -n '__arena_is debate' -l idle-timeout -x -d 'Give up on a model that sends nothing for this long, such as 30s or 2m (default: 120s)'
complete -c arena -n '__arena_is debate' -l retries -x -d 'Retries per model before falling back to the next one, 0 to 100 (default: 2)'
complete -c arena -n '__arena_is debate' -l rate-limit -x -d 'Requests allowed per model, such as 20/min, or openai/gpt-4o=5/min for one model; repeatable (default: 10/min)'
complete -c arena -n '__arena_is debate' -l debug -d 'Log requests and responses (each streamed event cut at 500 characters, the key redacted) and show stack traces, on stderr'
complete -c arena -n '__arena_is debate' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
complete -c arena -n '__arena_is debate' -l no-log -d 'Keep no record of this run in the store'
complete -c arena -n '__arena_is debate' -l json -d 'Write JSON Lines events to stdout instead of text'
complete -c arena -n '__arena_is debate' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is debate' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is debate' -l raw -d 'On a terminal, show the model\'s Markdown as it came, unstyled (still wrapped at words)'
complete -c arena -n '__arena_is debate' -l no-validate -d 'Do not check the model ids against the server\'s model list before the first request'
complete -c arena -n '__arena_is debate' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is debate' -s V -l version -d 'Print version information and exit'

# arena demo
complete -c arena -n '__arena_is demo' -s o -l out -r -F -d 'Write the transcript to FILE, as its extension md, json or jsonl says; by default to a new temporary directory'
complete -c arena -n '__arena_is demo' -l force -d 'Overwrite the --out file when it exists and is not empty'
complete -c arena -n '__arena_is demo' -l json -d 'Write JSON Lines events to stdout instead of text'
complete -c arena -n '__arena_is demo' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is demo' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is demo' -l raw -d 'On a terminal, show the model\'s Markdown as it came, unstyled (still wrapped at words)'
complete -c arena -n '__arena_is demo' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is demo' -s V -l version -d 'Print version information and exit'

# arena models
complete -c arena -n '__arena_is models' -a 'show' -d 'Show one model\'s details: prices, context, longest answer, supported parameters, expiration date'
complete -c arena -n '__arena_is models' -l search -x -d 'Only models whose id or name contains TEXT (ignoring case)'
complete -c arena -n '__arena_is models' -l free -d 'Only models whose prompt and completion are free'
complete -c arena -n '__arena_is models' -l max-price -x -d 'Only models whose prompt and completion prices are both at most USD per million tokens'
complete -c arena -n '__arena_is models' -l min-context -x -d 'Only models with a context window of at least N tokens'
complete -c arena -n '__arena_is models' -l supports -x -d 'Only models that accept this request parameter, such as tools, reasoning or seed'
complete -c arena -n '__arena_is models' -l sort -x -a 'price context name newest' -d 'price (cheapest first), context (largest first), name, or newest (default: name)'
complete -c arena -n '__arena_is models' -l json -d 'Write the models as a JSON array, in OpenRouter\'s shape (prices per token, as strings)'
complete -c arena -n '__arena_is models' -l ids -d 'Write only the ids, one per line'
complete -c arena -n '__arena_is models' -l aliases -d 'List the model aliases (built-in and from the config file) instead: alias, id, where it is defined'
complete -c arena -n '__arena_is models' -l base-url -x -d 'OpenAI-compatible API base URL'
complete -c arena -n '__arena_is models' -l api-key-file -r -F -d 'Read the API key from FILE instead of $OPENROUTER_API_KEY'
complete -c arena -n '__arena_is models' -l refresh -d 'Fetch the model list now, even when the cached one is fresh'
complete -c arena -n '__arena_is models' -l debug -d 'Log requests and responses (each streamed event cut at 500 characters, the key redacted) and show stack traces, on stderr'
complete -c arena -n '__arena_is models' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is models' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is models' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is models' -s V -l version -d 'Print version information and exit'

# arena models show
complete -c arena -n '__arena_is models show' -a '(__arena_model_ids)'
complete -c arena -n '__arena_is models show' -l json -d 'Write the model as a JSON object, in OpenRouter\'s shape'
complete -c arena -n '__arena_is models show' -l base-url -x -d 'OpenAI-compatible API base URL'
complete -c arena -n '__arena_is models show' -l api-key-file -r -F -d 'Read the API key from FILE instead of $OPENROUTER_API_KEY'
complete -c arena -n '__arena_is models show' -l refresh -d 'Fetch the model list now, even when the cached one is fresh'
complete -c arena -n '__arena_is models show' -l debug -d 'Log requests and responses (each streamed event cut at 500 characters, the key redacted) and show stack traces, on stderr'
complete -c arena -n '__arena_is models show' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is models show' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is models show' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is models show' -s V -l version -d 'Print version information and exit'

# arena tournament
complete -c arena -n '__arena_is tournament' -l models -x -a '(__arena_model_ids)' -d 'The models that fight, two or more, comma-separated (aliases allowed)'
complete -c arena -n '__arena_is tournament' -l motion -x -d 'A motion to debate; repeatable'
complete -c arena -n '__arena_is tournament' -l motions -r -F -d 'A file of motions, one per line (# starts a comment)'
complete -c arena -n '__arena_is tournament' -l judges -x -a '(__arena_model_ids)' -d 'The judge panel, comma-separated; three from different families is best (default: the configured judge)'
complete -c arena -n '__arena_is tournament' -l rounds -x -d 'Rounds, 1 to 50 (default: 3)'
complete -c arena -n '__arena_is tournament' -l temperature -x -d 'Sampling temperature for the fighters, 0 to 2 (default: 0.8)'
complete -c arena -n '__arena_is tournament' -l max-tokens -x -d 'Longest turn, in tokens (default: 500)'
complete -c arena -n '__arena_is tournament' -l fallback -x -a '(__arena_model_ids)' -d 'Fallback models for every fighter; a debate where one spoke is left out of the ratings'
complete -c arena -n '__arena_is tournament' -l concurrency -x -d 'Debates run at once, 1 to 64 (default: 4)'
complete -c arena -n '__arena_is tournament' -l budget -x -d 'Start no request that could take the spending past USD dollars (needs catalogue prices)'
complete -c arena -n '__arena_is tournament' -l name -x -d 'The tournament\'s name in the store (default: made from its settings, so the same command resumes it)'
complete -c arena -n '__arena_is tournament' -l seed -x -d 'Shuffles the schedule and seeds the rating intervals (default: 1)'
complete -c arena -n '__arena_is tournament' -l resume -x -d 'Go on with a stored tournament, with its settings'
complete -c arena -n '__arena_is tournament' -l extend -d 'Add the models or motions given to the stored tournament, and play only the new pairings'
complete -c arena -n '__arena_is tournament' -l dry-run -d 'Print the schedule, its requests and an upper bound of its cost; needs no key'
complete -c arena -n '__arena_is tournament' -l base-url -x -d 'OpenAI-compatible API base URL'
complete -c arena -n '__arena_is tournament' -l api-key-file -r -F -d 'Read the API key from FILE instead of $OPENROUTER_API_KEY'
complete -c arena -n '__arena_is tournament' -l idle-timeout -x -d 'Give up on a model that sends nothing for this long, such as 30s or 2m (default: 120s)'
complete -c arena -n '__arena_is tournament' -l retries -x -d 'Retries per model before falling back to the next one, 0 to 100 (default: 2)'
complete -c arena -n '__arena_is tournament' -l rate-limit -x -d 'Requests allowed per model, such as 20/min, or openai/gpt-4o=5/min for one model; repeatable (default: 10/min)'
complete -c arena -n '__arena_is tournament' -l debug -d 'Log requests and responses (each streamed event cut at 500 characters, the key redacted) and show stack traces, on stderr'
complete -c arena -n '__arena_is tournament' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
complete -c arena -n '__arena_is tournament' -l json -d 'Write JSON Lines events to stdout instead of text'
complete -c arena -n '__arena_is tournament' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is tournament' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is tournament' -l raw -d 'On a terminal, show the model\'s Markdown as it came, unstyled (still wrapped at words)'
complete -c arena -n '__arena_is tournament' -l no-validate -d 'Do not check the model ids against the server\'s model list before the first request'
complete -c arena -n '__arena_is tournament' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is tournament' -s V -l version -d 'Print version information and exit'

# arena leaderboard
complete -c arena -n '__arena_is leaderboard' -l all -d 'Pool the results of every tournament in the store'
complete -c arena -n '__arena_is leaderboard' -l json -d 'One JSON object: {"tournament": ..., "models": [...], "warnings": [...]}'
complete -c arena -n '__arena_is leaderboard' -l markdown -d 'A Markdown table'
complete -c arena -n '__arena_is leaderboard' -l seed -x -d 'Seeds the bootstrap of the intervals (default: the tournament\'s own seed; 1 when pooled)'
complete -c arena -n '__arena_is leaderboard' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
complete -c arena -n '__arena_is leaderboard' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is leaderboard' -s V -l version -d 'Print version information and exit'

# arena replay
complete -c arena -n '__arena_is replay' -l speed -x -d 'How many times faster than recorded: 2 is twice as fast, 0.5 half, 0 no waiting (default: 1)'
complete -c arena -n '__arena_is replay' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
complete -c arena -n '__arena_is replay' -l json -d 'Write JSON Lines events to stdout instead of text'
complete -c arena -n '__arena_is replay' -l no-color -d 'No colours (also when $NO_COLOR is set)'
complete -c arena -n '__arena_is replay' -s q -l quiet -d 'On a pipe, no notices or usage line on stderr; errors still show'
complete -c arena -n '__arena_is replay' -l raw -d 'On a terminal, show the model\'s Markdown as it came, unstyled (still wrapped at words)'
complete -c arena -n '__arena_is replay' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is replay' -s V -l version -d 'Print version information and exit'

# arena logs
complete -c arena -n '__arena_is logs' -a 'path' -d 'Print the store\'s file (--db, else $ARENA_DB, else the config file\'s db, else $XDG_DATA_HOME/arena/arena.db), whether or not it exists yet'
complete -c arena -n '__arena_is logs' -a 'status' -d 'Say whether logging is on and what decided it ($ARENA_LOG, else the config file\'s log=, else the marker of arena logs off, else on by default), then the store\'s file, its size, its schema version and how many chats, debates and requests it holds. --no-log of a single command is not shown here: it only concerns that run'
complete -c arena -n '__arena_is logs' -a 'on' -d 'Turn logging back on for every later run (removes the marker of arena logs off). $ARENA_LOG and the config file\'s log= still decide over it'
complete -c arena -n '__arena_is logs' -a 'off' -d 'Turn logging off for every later run: leaves a marker file under $XDG_STATE_HOME/arena (default ~/.local/state/arena/logs-off). $ARENA_LOG and the config file\'s log= still decide over it'
complete -c arena -n '__arena_is logs' -a 'show' -d 'Print one debate or chat conversation of the store as Markdown'
complete -c arena -n '__arena_is logs' -a 'export' -d 'Write one debate or chat of the store as a transcript: Markdown, JSON or JSON Lines'
complete -c arena -n '__arena_is logs' -s n -x -d 'How many entries: the latest N, or the N best matches of -q; 0 for all (default: 10)'
complete -c arena -n '__arena_is logs' -s m -x -d 'Only entries with a request that asked for MODEL or was answered by it (an alias is resolved)'
complete -c arena -n '__arena_is logs' -l since -x -d 'Only entries active since then: a duration back from now (30m, 2h, 3d) or a local date or time (2026-11-30, 2026-11-30T12:00)'
complete -c arena -n '__arena_is logs' -l debates -d 'Only debates'
complete -c arena -n '__arena_is logs' -l chats -d 'Only chat conversations'
complete -c arena -n '__arena_is logs' -s q -l query -x -d 'Full-text search of the prompts and answers: entries holding every word of TEXT, best match first, each with a snippet (matches in [brackets])'
complete -c arena -n '__arena_is logs' -l json -d 'Write JSON Lines: one object per entry'
complete -c arena -n '__arena_is logs' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
complete -c arena -n '__arena_is logs' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs' -s V -l version -d 'Print version information and exit'

# arena logs path
complete -c arena -n '__arena_is logs path' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs path' -s V -l version -d 'Print version information and exit'
complete -c arena -n '__arena_is logs path' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'

# arena logs status
complete -c arena -n '__arena_is logs status' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs status' -s V -l version -d 'Print version information and exit'
complete -c arena -n '__arena_is logs status' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'

# arena logs on
complete -c arena -n '__arena_is logs on' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs on' -s V -l version -d 'Print version information and exit'
complete -c arena -n '__arena_is logs on' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'

# arena logs off
complete -c arena -n '__arena_is logs off' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs off' -s V -l version -d 'Print version information and exit'
complete -c arena -n '__arena_is logs off' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'

# arena logs show
complete -c arena -n '__arena_is logs show' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs show' -s V -l version -d 'Print version information and exit'
complete -c arena -n '__arena_is logs show' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'

# arena logs export
complete -c arena -n '__arena_is logs export' -l format -x -a 'md json jsonl' -d 'The format (default: from the --out extension, else md)'
complete -c arena -n '__arena_is logs export' -s o -l out -r -F -d 'Write to FILE instead of stdout'
complete -c arena -n '__arena_is logs export' -l force -d 'Overwrite the --out file when it exists and is not empty'
complete -c arena -n '__arena_is logs export' -s h -l help -d 'Show this help message and exit'
complete -c arena -n '__arena_is logs export' -s V -l version -d 'Print version information and exit'
complete -c arena -n '__arena_is logs export' -l db -r -F -d 'The store\'s file (default: $XDG_DATA_HOME/arena/arena.db)'
